// The start page: join with a code, facilitator sign-in (and first-account setup), create an exercise.
import { el, fill, setText, label, toast } from './dom.js';
import { request, account, seats, pageFor } from './api.js';

const main = el('main', { class: 'start' });
const who = el('span', { class: 'who', id: 'who' });
document.body.append(
  el('header', { class: 'topbar' }, el('span', { class: 'brand' }, 'Hotline'), el('h1', { class: 'title' }, 'Exercise server'),
    el('span', { class: 'spacer' }), who),
  main);

let scenarios = [];
let setupNeeded = false;

// ---------------------------------------------------------------- join

function joinPanel() {
  const code = el('input', { type: 'text', id: 'join-code', autocomplete: 'off', required: true, spellcheck: 'false',
    placeholder: 'XXXX-XXXX-XXXX-XXXX', 'aria-describedby': 'join-code-hint' });
  const name = el('input', { type: 'text', id: 'join-name', autocomplete: 'nickname', required: true, maxlength: 60 });
  const error = el('p', { class: 'error-text', id: 'join-error', role: 'alert' });
  const form = el('form', { id: 'join-form' },
    el('div', { class: 'field' }, el('label', { for: 'join-code' }, 'Join code'), code,
      el('span', { class: 'hint', id: 'join-code-hint' }, 'From the facilitator: one code per team, one for observers, one for notetakers.')),
    el('div', { class: 'field' }, el('label', { for: 'join-name' }, 'Your name as others will see it'), name),
    error,
    el('button', { type: 'submit', class: 'primary', id: 'join-button' }, 'Join'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    setText(error, '');
    try {
      const seat = await request('POST', '/api/join', { code: code.value.trim(), name: name.value.trim() });
      seats.set(seat);
      location.href = pageFor(seat.role, seat.exerciseId);
    } catch (err) {
      setText(error, err.status === 429 ? `Too many failed attempts from this address: ${err.message}` : err.message);
    }
  });
  const held = Object.keys(localStorage).filter(k => k.startsWith('hotline.seat.'))
    .map(k => { try { return JSON.parse(localStorage.getItem(k)); } catch { return null; } }).filter(Boolean);
  return el('section', { class: 'panel', 'aria-labelledby': 'join-h' },
    el('h2', { id: 'join-h' }, 'Join an exercise'), form,
    held.length ? [el('h2', { class: 'gap' }, 'Seats held in this browser'),
      el('ul', { class: 'feed' }, held.map(s => el('li', {},
        el('a', { href: pageFor(s.role, s.exerciseId) }, `Resume as ${s.name}`), ' ',
        el('span', { class: 'muted' }, `${label(s.role)}${s.side ? ' · ' + label(s.side) : ''}`))))] : null);
}

// ---------------------------------------------------------------- facilitator sign-in

function signInPanel() {
  const user = el('input', { type: 'text', id: 'login-user', autocomplete: 'username', required: true });
  const pass = el('input', { type: 'password', id: 'login-pass', autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'error-text', id: 'login-error', role: 'alert' });
  const form = el('form', { id: 'login-form' },
    el('div', { class: 'field' }, el('label', { for: 'login-user' }, 'Username'), user),
    el('div', { class: 'field' }, el('label', { for: 'login-pass' }, 'Password'), pass),
    error, el('button', { type: 'submit', class: 'primary', id: 'login-button' }, 'Sign in'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    setText(error, '');
    try {
      await signIn(user.value.trim(), pass.value);
    } catch (err) {
      setText(error, err.status === 401 ? 'Wrong username or password.' : err.message);
    }
  });

  const sToken = el('input', { type: 'text', id: 'setup-token', autocomplete: 'off', spellcheck: 'false', required: true });
  const sUser = el('input', { type: 'text', id: 'setup-user', autocomplete: 'username', required: true });
  const sPass = el('input', { type: 'password', id: 'setup-pass', autocomplete: 'new-password', minlength: 10, required: true });
  const sError = el('p', { class: 'error-text', id: 'setup-error', role: 'alert' });
  const setup = el('form', { id: 'setup-form' },
    el('p', { class: 'muted' }, 'On a new server with no account, the server log shows a one-time line “Hotline setup token: …”. Use it here once to create the first facilitator account.'),
    el('div', { class: 'field' }, el('label', { for: 'setup-token' }, 'Setup token'), sToken),
    el('div', { class: 'field' }, el('label', { for: 'setup-user' }, 'New username'), sUser),
    el('div', { class: 'field' }, el('label', { for: 'setup-pass' }, 'New password (at least 10 characters)'), sPass),
    sError, el('button', { type: 'submit', id: 'setup-button' }, 'Create the first account'));
  setup.addEventListener('submit', async e => {
    e.preventDefault();
    setText(sError, '');
    try {
      await request('POST', '/api/setup', { token: sToken.value.trim(), username: sUser.value.trim(), password: sPass.value });
      await signIn(sUser.value.trim(), sPass.value);
      toast('First account created.', 'ok');
    } catch (err) {
      setText(sError, err.message);
    }
  });
  // Offered only while the server has no account at all (GET /api/setup says so).
  return el('section', { class: 'panel', id: 'signin', 'aria-labelledby': 'signin-h' },
    el('h2', { id: 'signin-h' }, 'Sign in (facilitators and analysts)'), form,
    setupNeeded ? el('details', { class: 'gap', id: 'setup', open: true }, el('summary', {}, 'First start: create the first account'), setup) : null);
}

/** Ends the session on the server too (its token stops working), then forgets it here. */
async function signOut(session) {
  try {
    await request('POST', '/api/logout', {}, session.token);
  } catch {
    // Already expired or the server is unreachable: forgetting the token here is what matters.
  }
  account.clear();
  render();
}

async function signIn(username, password) {
  const session = await request('POST', '/api/login', { username, password });
  account.set({ token: session.token, username: session.username });
  render();
}

// ---------------------------------------------------------------- facilitator workspace

async function workspace(session) {
  const list = el('div', { id: 'my-exercises' }, el('p', { class: 'muted' }, 'Loading…'));
  const section = el('section', { class: 'column' },
    el('section', { class: 'panel', 'aria-labelledby': 'mine-h' }, el('h2', { id: 'mine-h' }, 'Your exercises'), list),
    createPanel(session, () => listExercises(session, list)));
  listExercises(session, list);
  return section;
}

/** "Your exercises", read again whenever one is created. */
function listExercises(session, list) {
  return request('GET', '/api/exercises', undefined, session.token).then(exercises => {
    fill(list, exercises.length ? el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Exercise', 'Phase', 'Turn', 'Open'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, [...exercises].reverse().map(x => el('tr', {},
        el('td', {}, x.title, el('div', { class: 'muted mono' }, x.id)),
        el('td', {}, label(x.phase)), el('td', { class: 'num' }, String(x.turn)),
        el('td', {}, el('a', { href: `facilitator.html?x=${encodeURIComponent(x.id)}` }, 'Console'), ' · ',
          el('a', { href: `observer.html?view=projector&x=${encodeURIComponent(x.id)}` }, 'Projector'), ' · ',
          el('a', { href: `review.html?x=${encodeURIComponent(x.id)}` }, 'Review'))))))
      : el('p', { class: 'muted' }, 'None yet: create one below.'));
  }).catch(err => {
    if (err.status === 401) { account.clear(); render(); } else fill(list, el('p', { class: 'error-text' }, err.message));
  });
}

function createPanel(session, created) {
  const result = el('div', { id: 'created', 'aria-live': 'polite' });
  const error = el('p', { class: 'error-text', id: 'create-error', role: 'alert' });
  const timer = (phase, fallback) => el('div', { class: 'field' },
    el('label', { for: `timer-${phase}` }, label(phase)),
    el('input', { type: 'number', id: `timer-${phase}`, min: 0, step: 30, value: fallback, 'aria-describedby': 'timers-hint' }));
  const form = el('form', { id: 'create-form' },
    el('fieldset', { class: 'plain' }, el('legend', {}, 'Scenario'),
      el('div', { class: 'scenario-list', id: 'scenario-list' }, scenarios.map((s, n) => scenarioCard(s, n === 0)))),
    el('div', { class: 'row gap' },
      el('div', { class: 'field grow' }, el('label', { for: 'mode' }, 'Adjudication'),
        el('select', { id: 'mode' },
          el('option', { value: 'REVIEWED' }, 'Reviewed — you approve or edit the engine’s result'),
          el('option', { value: 'AUTOMATIC' }, 'Automatic — the engine’s result stands'),
          el('option', { value: 'FREE' }, 'Free — you write the outcome; the engine advises'))),
      el('div', { class: 'field' }, el('label', { for: 'seed' }, 'Seed (optional)'), el('input', { type: 'number', id: 'seed' }))),
    el('div', { class: 'field' }, el('label', { for: 'exercise-name' }, 'Name (optional)'),
      el('input', { type: 'text', id: 'exercise-name', maxlength: 120, placeholder: 'e.g. Staff college, group B — the scenario’s title if empty' })),
    el('h3', { class: 'gap' }, 'Phase timers (seconds)'),
    el('p', { class: 'hint muted', id: 'timers-hint' }, '0 means no deadline: you advance that phase yourself.'),
    el('div', { class: 'row' }, timer('BRIEFING', 0), timer('DELIBERATION', 900), timer('ORDERS', 300), timer('RESULTS', 0)),
    error, el('button', { type: 'submit', class: 'primary', id: 'create-button' }, 'Create exercise'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    setText(error, '');
    const scenarioId = form.querySelector('input[name=scenario]:checked')?.value;
    if (!scenarioId) { setText(error, 'Choose a scenario.'); return; }
    const timers = {};
    for (const phase of ['BRIEFING', 'DELIBERATION', 'ORDERS', 'RESULTS']) {
      const v = Number(document.getElementById(`timer-${phase}`).value || 0);
      if (v > 0) timers[phase] = v;
    }
    const seed = document.getElementById('seed').value;
    const body = { scenarioId, mode: document.getElementById('mode').value, timers };
    const name = document.getElementById('exercise-name').value.trim();
    if (name) body.name = name;
    if (seed !== '') body.seed = Number(seed);
    try {
      const made = await request('POST', '/api/exercises', body, session.token);
      fill(result, codesPanel(made));
      result.scrollIntoView({ block: 'start' });
      created();
    } catch (err) {
      if (err.status === 401) { account.clear(); render(); return; }
      setText(error, err.message);
    }
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'create-h' }, el('h2', { id: 'create-h' }, 'New exercise'), result, form);
}

function scenarioCard(s, checked) {
  const id = `scenario-${s.id}`;
  return el('label', { class: 'scenario', for: id },
    el('input', { type: 'radio', name: 'scenario', value: s.id, id, checked }),
    el('h3', {}, s.title),
    el('p', { class: 'facts' }, `${s.sides?.WASHINGTON || 'Washington'} and ${s.sides?.MOSCOW || 'Moscow'} · ${s.turns} turns of ${s.turnLength}`,
      s.caseStudy ? ` · case study ${s.caseStudy}` : ''),
    el('p', { class: 'brief' }, s.summary || ''));
}

function codesPanel(created) {
  const row = (who, code) => [el('span', {}, who), el('code', {}, code),
    el('button', { type: 'button', class: 'small', 'aria-label': `Copy the ${who} code`,
      onclick: () => navigator.clipboard?.writeText(code).then(() => toast('Copied.', 'ok'), () => toast('Copy it by hand.')) }, 'Copy')];
  const codes = created.joinCodes || {};
  const sides = scenarios.find(s => s.id === created.scenarioId)?.sides || {};
  return el('div', { class: 'panel', id: 'codes' },
    el('h3', {}, `Created: ${created.title}`),
    el('p', { class: 'muted' }, 'Hand each team its own code; players join from the start page with it.'),
    el('div', { class: 'codes' },
      row(`${sides.WASHINGTON || 'Washington'} team`, codes.WASHINGTON),
      row(`${sides.MOSCOW || 'Moscow'} team`, codes.MOSCOW),
      row('Observers', codes.OBSERVER), row('Notetakers', codes.NOTETAKER)),
    el('p', { class: 'row gap' },
      el('a', { class: 'button-link', id: 'open-console', href: `facilitator.html?x=${encodeURIComponent(created.id)}` }, 'Open the facilitator console'),
      el('a', { href: `observer.html?view=projector&x=${encodeURIComponent(created.id)}` }, 'Projector view')));
}

// ---------------------------------------------------------------- page

async function render() {
  const session = account.get();
  const left = el('div', { class: 'column' }, joinPanel());
  let right;
  if (session) {
    fill(who, `Signed in as ${session.username} `, el('a', { href: 'admin.html', id: 'admin-link' }, 'Administration'), ' ',
      el('a', { href: 'analysis.html', id: 'analysis-link' }, 'Options analysis'), ' ',
      el('button', { type: 'button', class: 'small', id: 'sign-out', onclick: () => signOut(session) }, 'Sign out'));
    right = await workspace(session);
  } else {
    fill(who, '');
    left.append(signInPanel());
    right = el('section', { class: 'panel', 'aria-labelledby': 'sc-h' }, el('h2', { id: 'sc-h' }, 'Scenarios on this server'),
      el('div', { class: 'scenario-list' }, scenarios.map(s => el('div', { class: 'scenario' },
        el('h3', {}, s.title),
        el('p', { class: 'facts' }, `${s.sides?.WASHINGTON} and ${s.sides?.MOSCOW} · ${s.turns} turns of ${s.turnLength}${s.caseStudy ? ' · case study ' + s.caseStudy : ''}`),
        el('p', { class: 'brief' }, s.summary || '')))));
  }
  fill(main,
    el('div', { class: 'intro' }, el('h2', {}, 'Hardline and less-hardline strategies, turn by turn'),
      el('p', {}, 'Two teams choose, issue by issue, whether to press or to address the other side’s concerns; the server adjudicates each turn and keeps the after-action record.')),
    left, right);
}

// The scenario for play comes first; the case studies after it.
Promise.all([
  request('GET', '/api/scenarios').then(list => { scenarios = [...list.filter(x => !x.caseStudy), ...list.filter(x => x.caseStudy)]; }),
  request('GET', '/api/setup').then(status => { setupNeeded = !!status?.needed; }),
]).catch(err => toast(err.message, 'error')).finally(render);
