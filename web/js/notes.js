// Staff notes (NOTE, MOMENT, QUOTE), for the facilitator and the notetaker.
import { el, fill, label, time, toast } from './dom.js';
import { explain } from './widgets.js';

export function noteLine(n) {
  return el('li', {}, el('div', { class: 'meta' }, el('span', { class: 'tag' }, n.tag), el('span', { class: 'who' }, n.name || n.actor || ''),
    el('span', {}, `turn ${n.turn} · ${label(n.phase || '')} · ${time(n.time)}`), n.decision ? el('span', {}, `re ${n.decision}`) : null),
    el('div', { class: 'text' }, n.text));
}

export function noteForm(live, decisions = () => []) {
  const text = el('textarea', { id: 'note-text', rows: 2, maxlength: 2000, 'aria-label': 'Note text' });
  const tags = el('div', { class: 'row', role: 'radiogroup', 'aria-label': 'Tag' }, ['NOTE', 'MOMENT', 'QUOTE'].map((t, n) =>
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'note-tag', value: t, checked: n === 0, id: `note-tag-${t}` }), label(t))));
  const decision = el('select', { id: 'note-decision', 'aria-label': 'About (optional)' });
  const refreshDecisions = () => {
    const current = decision.value;
    fill(decision, el('option', { value: '' }, 'About: — nothing in particular'), decisions().map(([v, t]) => el('option', { value: v }, t)));
    decision.value = current;
  };
  decision.addEventListener('focus', refreshDecisions);
  refreshDecisions();
  const form = el('form', { id: 'note-form', class: 'gap' }, tags, el('div', { class: 'field' }, text), decision,
    el('button', { type: 'submit', class: 'primary gap', id: 'note-send' }, 'Add note'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!text.value.trim()) return;
    const tag = form.querySelector('input[name=note-tag]:checked').value;
    try {
      await live.send('note', { tag, text: text.value.trim(), decision: decision.value || null });
      text.value = '';
    } catch (error) {
      toast(explain(error), 'error');
    }
  });
  return form;
}

