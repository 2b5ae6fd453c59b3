// The exercises a facilitator owns: open the console or the review, archive one that has ended (it
// leaves the list and stays reviewable) and delete one for good, after a confirmation.
import { el, fill, label, toast } from './dom.js';
import { confirmDialog } from './alerts.js';

export function exercisesPanel(call) {
  const list = el('div', { id: 'admin-exercises' }, el('p', { class: 'muted' }, 'Loading…'));
  const archived = el('div', { id: 'admin-archived' });
  const refresh = () => Promise.all([call('GET', '/api/exercises'), call('GET', '/api/exercises/archived')])
    .then(([current, old]) => {
      fill(list, current.length ? table(current, false) : el('p', { class: 'muted' }, 'No exercises yet.'));
      fill(archived, old.length ? [el('h3', { class: 'gap' }, 'Archived'), table(old, true)] : null);
    })
    .catch(error => fill(list, el('p', { class: 'error-text', role: 'alert' }, error.message)));

  const table = (exercises, isArchived) => el('table', { class: 'grid', id: isArchived ? 'archived-table' : 'exercises-table' },
    el('thead', {}, el('tr', {}, ['Exercise', 'Phase', 'Turn', ''].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, exercises.map(x => el('tr', { 'data-exercise': x.id },
      // Exercises of one scenario share its title unless named: the id and the day tell them apart.
      el('td', {}, x.title, el('div', { class: 'muted exercise-id' }, `${x.id} · created ${new Date(x.created).toLocaleString('en-GB')}`)),
      el('td', {}, label(x.phase)), el('td', { class: 'num' }, String(x.turn)),
      el('td', {}, el('div', { class: 'row' },
        isArchived ? null : el('a', { href: `facilitator.html?x=${encodeURIComponent(x.id)}` }, 'Console'),
        el('a', { href: `review.html?x=${encodeURIComponent(x.id)}` }, 'Review'),
        !isArchived && x.phase === 'ENDED' ? el('button', { type: 'button', class: 'small', 'data-action': 'archive',
          onclick: () => archive(x) }, 'Archive') : null,
        el('button', { type: 'button', class: 'small danger', 'data-action': 'delete', onclick: () => remove(x) }, 'Delete')))))));

  async function archive(x) {
    try {
      await call('POST', `/api/exercises/${encodeURIComponent(x.id)}/archive`, {});
      toast(`“${x.title}” archived: its review stays open under Archived.`, 'ok');
      refresh();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  async function remove(x) {
    const running = x.phase !== 'ENDED';
    const state = x.phase === 'LOBBY' ? 'It has not started yet: ' : 'It is still running: ';
    if (!await confirmDialog({ title: `Delete “${x.title}” for good?`, danger: true, confirm: 'Delete the exercise',
      body: [running ? el('p', {}, el('b', {}, state), 'it ends now, and every console in it is told.') : null,
        el('p', {}, 'Its log, review, report and join codes are deleted and cannot be brought back. Export the log from the review first to keep a copy.')] })) return;
    try {
      await call('POST', `/api/exercises/${encodeURIComponent(x.id)}/delete`, { confirm: x.id });
      toast(`“${x.title}” deleted.`, 'ok');
      refresh();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  refresh();
  return el('section', { class: 'panel', 'aria-labelledby': 'exercises-h' }, el('h2', { id: 'exercises-h' }, 'Your exercises'), list, archived);
}
