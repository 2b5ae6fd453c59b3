// Administration for facilitators: accounts (list, create a facilitator or an analyst, reset a
// password, disable and enable), and the exercises this facilitator owns.
import { el, fill, setText, label, toast } from './dom.js';
import { request, account } from './api.js';
import { confirmDialog } from './alerts.js';
import { exercisesPanel } from './admin-exercises.js';
import { scenarioCheckPanel } from './admin-scenarios.js';

const main = el('main', { class: 'admin', id: 'admin' });
const who = el('span', { class: 'who', id: 'who' });
document.body.append(
  el('header', { class: 'topbar' }, el('a', { class: 'brand', href: 'index.html' }, 'Hotline'), el('h1', { class: 'title' }, 'Administration'),
    el('span', { class: 'spacer' }), who),
  main);

const session = account.get();

async function call(method, path, body) {
  try {
    return await request(method, path, body, session.token);
  } catch (error) {
    if (error.status === 401) { account.clear(); location.href = 'index.html'; }
    throw error;
  }
}

// ---------------------------------------------------------------- accounts

function accountsPanel() {
  const list = el('div', { id: 'accounts' }, el('p', { class: 'muted' }, 'Loading…'));
  const refresh = () => call('GET', '/api/accounts').then(accounts => fill(list, accountsTable(accounts, refresh)))
    .catch(error => fill(list, el('p', { class: 'error-text', role: 'alert' }, error.message)));
  refresh();
  return el('section', { class: 'panel', 'aria-labelledby': 'accounts-h' }, el('h2', { id: 'accounts-h' }, 'Accounts'), list, createForm(refresh));
}

function isDisabled(a) {
  return a.disabled === true || a.enabled === false;
}

function accountsTable(accounts, refresh) {
  if (!accounts.length) return el('p', { class: 'muted' }, 'No accounts.');
  return el('table', { class: 'grid', id: 'accounts-table' },
    el('thead', {}, el('tr', {}, ['Username', 'Role', 'State', ''].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, accounts.map(a => el('tr', { 'data-username': a.username },
      el('td', {}, a.username, a.username === session.username ? el('span', { class: 'muted' }, ' (you)') : null),
      el('td', {}, (a.roles || []).map(label).join(', ')),
      el('td', {}, isDisabled(a) ? el('span', { class: 'status status-CONFLICT' }, 'Disabled') : el('span', { class: 'status status-AGREEMENT' }, 'Active')),
      el('td', {}, el('div', { class: 'row' },
        el('button', { type: 'button', class: 'small', 'data-action': 'reset', onclick: e => resetForm(e.target.closest('td'), a) }, 'Reset password'),
        a.username === session.username ? null : isDisabled(a)
          ? el('button', { type: 'button', class: 'small', 'data-action': 'enable', onclick: () => setEnabled(a, true, refresh) }, 'Enable')
          : el('button', { type: 'button', class: 'small danger', 'data-action': 'disable', onclick: () => setEnabled(a, false, refresh) }, 'Disable')))))));
}

async function setEnabled(a, enable, refresh) {
  if (!enable && !await confirmDialog({ title: `Disable ${a.username}?`, danger: true, confirm: `Disable ${a.username}`,
    body: `${a.username} is signed out at once and cannot sign in until an administrator enables the account again. Their exercises are kept.` })) return;
  try {
    await call('POST', `/api/accounts/${encodeURIComponent(a.username)}/${enable ? 'enable' : 'disable'}`, {});
    toast(`${a.username} ${enable ? 'enabled' : 'disabled'}.`, 'ok');
    refresh();
  } catch (error) {
    toast(error.message, 'error');
  }
}

function resetForm(cell, a) {
  if (cell.querySelector('form')) return;
  const password = el('input', { type: 'password', id: `reset-${a.username}`, autocomplete: 'new-password', minlength: 10, required: true,
    'aria-label': `New password for ${a.username}` });
  const form = el('form', { class: 'row reset-form' }, password, el('button', { type: 'submit', class: 'small primary' }, 'Set password'),
    el('button', { type: 'button', class: 'small', onclick: () => form.remove() }, 'Cancel'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await call('POST', `/api/accounts/${encodeURIComponent(a.username)}/password`, { password: password.value });
      toast(`New password set for ${a.username}. Their other sessions are signed out.`, 'ok');
      form.remove();
    } catch (error) {
      toast(error.message, 'error');
    }
  });
  cell.append(form);
  password.focus();
}

function createForm(refresh) {
  const user = el('input', { type: 'text', id: 'new-username', autocomplete: 'off', required: true, maxlength: 60 });
  const pass = el('input', { type: 'password', id: 'new-password', autocomplete: 'new-password', minlength: 10, required: true });
  const role = el('select', { id: 'new-role' }, el('option', { value: 'FACILITATOR' }, 'Facilitator — runs exercises'),
    el('option', { value: 'ANALYST' }, 'Analyst — reads ended exercises’ reviews'));
  const error = el('p', { class: 'error-text', id: 'new-account-error', role: 'alert' });
  const form = el('form', { id: 'new-account', class: 'gap' }, el('h3', {}, 'New account'),
    el('div', { class: 'row' },
      el('div', { class: 'field grow' }, el('label', { for: 'new-username' }, 'Username'), user),
      el('div', { class: 'field grow' }, el('label', { for: 'new-password' }, 'Password (at least 10 characters)'), pass),
      el('div', { class: 'field grow' }, el('label', { for: 'new-role' }, 'Role'), role)),
    error, el('button', { type: 'submit', class: 'primary', id: 'new-account-button' }, 'Create account'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    setText(error, '');
    try {
      const made = await call('POST', '/api/accounts', { username: user.value.trim(), password: pass.value, role: role.value });
      toast(`Account ${made.username} created.`, 'ok');
      form.reset();
      refresh();
    } catch (err) {
      setText(error, err.message);
    }
  });
  return form;
}

// ---------------------------------------------------------------- page

if (!session) {
  fill(main, el('section', { class: 'panel' }, el('p', {}, 'Sign in as a facilitator on the start page first.'),
    el('a', { href: 'index.html' }, 'Go to the start page')));
} else {
  fill(who, `Signed in as ${session.username}`);
  fill(main, accountsPanel(), exercisesPanel(call), scenarioCheckPanel(call));
}
