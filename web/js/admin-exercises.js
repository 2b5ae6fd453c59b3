// The exercises a facilitator owns: open, and (later) name, archive and delete.
import { el, fill, label } from './dom.js';

export function exercisesPanel(call) {
  const list = el('div', { id: 'admin-exercises' }, el('p', { class: 'muted' }, 'Loading…'));
  call('GET', '/api/exercises').then(exercises => fill(list, exercises.length ? el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, ['Exercise', 'Phase', 'Turn', ''].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, [...exercises].reverse().map(x => el('tr', { 'data-exercise': x.id },
      el('td', {}, x.title), el('td', {}, label(x.phase)), el('td', { class: 'num' }, String(x.turn)),
      el('td', {}, el('a', { href: `facilitator.html?x=${encodeURIComponent(x.id)}` }, 'Console'), ' · ',
        el('a', { href: `review.html?x=${encodeURIComponent(x.id)}` }, 'Review'))))))
    : el('p', { class: 'muted' }, 'No exercises yet.')))
    .catch(error => fill(list, el('p', { class: 'error-text', role: 'alert' }, error.message)));
  return el('section', { class: 'panel', 'aria-labelledby': 'exercises-h' }, el('h2', { id: 'exercises-h' }, 'Your exercises'), list);
}
