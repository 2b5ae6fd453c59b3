// The notetaker view: quick tagged entries (NOTE, MOMENT, QUOTE) tied to the turn, beside what the
// teams are saying.
import { el, proposalName } from './dom.js';
import { openExercise } from './boot.js';
import { SIDES, sideLabel } from './model.js';
import { chatPanel, updateChat, updateFeed, picturePanel, updatePicture, explain, banner } from './widgets.js';
import { noteLine, noteForm } from './notes.js';
import { toast } from './dom.js';

class NotetakerView {
  constructor(model, live) {
    this.model = model;
    document.getElementById('who').textContent = `Notetaker · ${model.view.you?.name || ''}`;
    this.notes = el('ol', { class: 'feed', id: 'notes', 'aria-live': 'polite', 'data-empty': 'No notes yet.' });
    this.chats = Object.fromEntries(SIDES.map(side => [side, chatPanel({ id: `chat-${side}`, title: `Team chat · ${sideLabel(model, side)}` })]));
    this.diplomacy = chatPanel({ id: 'diplomacy', title: 'Diplomatic channel' });
    const decisions = () => [...model.view.issues.map(i => [i.id, `Issue: ${i.name}`]),
      ...[...model.proposals.values()].filter(p => p.turn === model.turn).map(p => [p.proposalId, proposalName(p.proposalId)])];
    document.body.append(el('main', { class: 'console notetaker', id: 'main' },
      el('div', { class: 'column' },
        el('section', { class: 'panel', 'aria-labelledby': 'nt-h' }, el('h2', { id: 'nt-h' }, 'New entry'),
          el('p', { class: 'muted' }, 'Tied to the current turn and phase. Moment: a turning point; Quote: words worth keeping.'),
          noteForm(live, decisions)),
        el('section', { class: 'panel', 'aria-labelledby': 'notes-h' }, el('h2', { id: 'notes-h' }, 'Staff notes'), this.notes)),
      el('div', { class: 'column' }, picturePanel('Public picture'), this.chats.WASHINGTON, this.chats.MOSCOW, this.diplomacy)));
  }

  update(changed) {
    const m = this.model;
    const all = changed.has('all');
    if (all || changed.has('notes')) updateFeed(this.notes, m.notes, noteLine);
    if (all || changed.has('picture')) updatePicture(m, null);
    if (all || changed.has('teamChat')) SIDES.forEach(side => updateChat(this.chats[side], m.teamChat[side]));
    if (all || changed.has('diplomacy')) updateChat(this.diplomacy, m.diplomacy.filter(x => x.text !== undefined));
  }

  refused(error) {
    toast(explain(error), 'error');
  }
}

openExercise('NOTETAKER', view => ['public', 'diplomacy', 'team.WASHINGTON', 'team.MOSCOW', 'staff'],
  (model, live) => new NotetakerView(model, live))
  .catch(error => banner(`The view could not start: ${error.message}`, true));
