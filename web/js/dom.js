// DOM building without HTML parsing: every string becomes a text node, so nothing a user typed can
// turn into markup or script (docs/design.md section 10).

/** el('div', {class: 'x', 'aria-label': 'y', onclick: fn}, 'text', child, [more]) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Replaces a container's children (for parts that hold no user input). */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Sets text only when it differs, so screen readers and selection are not disturbed needlessly. */
export function setText(node, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (node.textContent !== value) node.textContent = value;
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  // 24-hour, as the rest of the pages (en-GB), whatever the browser's own locale.
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function label(id) {
  return String(id || '').replaceAll('_', ' ').toLowerCase().replace(/^./, c => c.toUpperCase());
}

/** A proposal as people refer to it ("Proposal 17"), not by the server's id ("P17"). */
export function proposalName(id) {
  return `Proposal ${String(id || '').replace(/^P/, '')}`;
}

export function fmt(n, digits = 0) {
  return typeof n === 'number' ? n.toFixed(digits) : (n ?? '–');
}

/** A value the engine records as text: to one decimal when it is a number, in words otherwise. */
export function num(value) {
  const n = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(n) ? n.toFixed(1) : label(value);
}

/** A small transient message in the page's toast area (role=status or alert). */
export function toast(text, kind = 'info') {
  let area = $('#toasts');
  if (!area) {
    area = el('div', { id: 'toasts', class: 'toasts', 'aria-live': 'assertive' });
    document.body.append(area);
  }
  const item = el('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  area.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4000);
}

/** Removes the toasts that said something was done (errors stay): on a new phase they are old news. */
export function clearToasts() {
  for (const item of $$('#toasts .toast:not(.toast-error)')) item.remove();
}
