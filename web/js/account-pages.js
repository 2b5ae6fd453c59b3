// What the pages for accounts (options analysis, the what-if view, the review) share: the sign-in
// form, and saving a file the page has fetched or made.
import { el, setText } from './dom.js';
import { request, account } from './api.js';

/**
 * A sign-in form whose fields' ids start with `prefix` (`${prefix}-user`, `${prefix}-pass`,
 * `${prefix}-signin-button`); `done` runs once the account's token is stored.
 */
export function signInForm(prefix, reason, done, className = 'signin') {
  const user = el('input', { type: 'text', id: `${prefix}-user`, autocomplete: 'username', required: true });
  const pass = el('input', { type: 'password', id: `${prefix}-pass`, autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'error-text', role: 'alert' });
  const form = el('form', { id: `${prefix}-signin`, class: className }, el('p', {}, reason),
    el('div', { class: 'field' }, el('label', { for: `${prefix}-user` }, 'Username'), user),
    el('div', { class: 'field' }, el('label', { for: `${prefix}-pass` }, 'Password'), pass),
    error, el('button', { type: 'submit', class: 'primary', id: `${prefix}-signin-button` }, 'Sign in'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const session = await request('POST', '/api/login', { username: user.value.trim(), password: pass.value });
      account.set({ token: session.token, username: session.username });
      done();
    } catch (err) {
      setText(error, err.message);
    }
  });
  return form;
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
