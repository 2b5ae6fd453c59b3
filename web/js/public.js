// The public picture: the observer view, and the projector view (the same in large type).
import { el, fill, setText, label, fmt } from './dom.js';
import { account } from './api.js';
import { openExercise } from './boot.js';
import { sideLabel, issueName, latest, secondsLeft } from './model.js';
import { updateCharts, updateFeed, injectLine, resultsView, statusTag, loadFindings, banner } from './widgets.js';

// observer.html?x=…&view=projector is the same picture in large type for the room's screen.
const projector = new URLSearchParams(location.search).get('view') === 'projector';
document.body.classList.toggle('projector', projector);
// The projector scales everything up from the root, so every size in the stylesheet grows with it.
document.documentElement.classList.toggle('projector-root', projector);

class PublicView {
  constructor(model) {
    this.model = model;
    const you = model.view.you || {};
    document.getElementById('who').textContent = projector ? 'Projector' : `Observer · ${you.name || ''}`;
    this.tension = el('div', { class: 'tension-big', id: 'tension-value', 'aria-live': 'polite' }, '–');
    this.bar = el('div', { class: 'bar tension', role: 'img', 'aria-label': 'Tension' }, el('span'));
    this.issues = el('ul', { class: 'issues-big', id: 'issues' });
    this.agreements = el('div', { id: 'agreements' });
    this.sealed = el('p', { id: 'sealed', class: 'muted' });
    this.injects = el('ol', { class: 'feed injects', id: 'injects', 'data-empty': 'None released yet.' });
    this.result = el('div', { id: 'latest-result' }, el('p', { class: 'muted' }, 'Results appear here after each turn.'));
    // The room's strip: phase, turn and a countdown large enough to read from the back of the room.
    this.roomPhase = el('span', { class: 'room-phase', id: 'room-phase' });
    this.roomTurn = el('span', { class: 'room-turn', id: 'room-turn' });
    this.roomClock = el('span', { class: 'room-countdown', id: 'room-countdown', role: 'timer', 'aria-label': 'Time left in this phase' });
    document.body.append(el('main', { class: 'public', id: 'main' },
      el('section', { class: 'room-clock', 'aria-label': 'Phase and time left' }, el('span', {}, this.roomPhase, ' ', this.roomTurn), this.roomClock),
      el('div', { class: 'column' },
        el('section', { class: 'panel', 'aria-labelledby': 'tension-h' }, el('h2', { id: 'tension-h' }, 'Tension'),
          this.tension, this.bar, el('div', { class: 'charts', id: 'charts' })),
        el('section', { class: 'panel', 'aria-labelledby': 'issues-h' }, el('h2', { id: 'issues-h' }, 'Issues'), this.issues, this.agreements, this.sealed)),
      el('div', { class: 'column' },
        el('section', { class: 'panel', 'aria-labelledby': 'result-h' }, el('h2', { id: 'result-h' }, 'Latest results'), this.result),
        el('section', { class: 'panel', 'aria-labelledby': 'inj-h' }, el('h2', { id: 'inj-h' }, 'Injects'), this.injects))));
    loadFindings().then(() => this.update(new Set(['results'])));
    setInterval(() => this.tick(), 1000);
  }

  tick() {
    const m = this.model;
    setText(this.roomPhase, m.phase === 'LOBBY' ? 'Waiting to start' : m.phase === 'ENDED' ? 'Exercise ended' : label(m.phase));
    setText(this.roomTurn, m.turn && m.phase !== 'ENDED' ? `· turn ${m.turn} of ${m.view.turns}` : '');
    const left = secondsLeft(m);
    const timed = left !== null && left !== undefined && !['LOBBY', 'ENDED'].includes(m.phase);
    setText(this.roomClock, !timed ? (['LOBBY', 'ENDED'].includes(m.phase) ? '' : 'no time limit')
      : `${m.paused ? 'paused ' : ''}${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
    this.roomClock.classList.toggle('idle', !timed);
    this.roomClock.classList.toggle('paused', timed && !!m.paused);
    this.roomClock.classList.toggle('low', timed && !m.paused && left <= 30);
  }

  update(changed) {
    const m = this.model;
    const all = changed.has('all');
    if (all || changed.has('phase') || changed.has('clock')) this.tick();
    if (all || changed.has('picture')) {
      const pub = latest(m.publicStates);
      if (pub) {
        setText(this.tension, fmt(pub.tension, 1));
        this.bar.firstChild.style.width = `${Math.max(0, Math.min(100, pub.tension))}%`;
        this.bar.setAttribute('aria-label', `Tension ${fmt(pub.tension, 1)} of 100`);
        fill(this.issues, (pub.issues || []).map(i => el('li', {}, el('span', {}, issueName(m, i.id)), statusTag(i.status))));
        const agreements = pub.agreements || [];
        fill(this.agreements, agreements.length ? el('p', {}, 'Agreements: ', agreements.map((a, n) =>
          `${n ? '; ' : ''}${issueName(m, a.issueId)} (turn ${a.concludedTurn}${a.inForce ? '' : ', lapsed'})`)) : null);
      }
      updateCharts(m, null);
    }
    if (all || changed.has('sealed') || changed.has('phase')) {
      const ordering = m.phase === 'ORDERS' || m.phase === 'ADJUDICATION';
      setText(this.sealed, ordering
        ? ['WASHINGTON', 'MOSCOW'].map(s => `${sideLabel(m, s)}: ${m.sealed[s] ? 'orders sealed' : 'deciding'}`).join(' · ')
        : projector ? '' : `${label(m.phase)}${m.turn ? ` · turn ${m.turn} of ${m.view.turns}` : ''}`);
      this.sealed.hidden = !this.sealed.textContent;
    }
    if (all || changed.has('injects')) updateFeed(this.injects, m.injects, injectLine);
    if (all || changed.has('results') || (changed.has('picture') && m.results.length)) {
      const last = latest(m.results);
      if (last) fill(this.result, resultsView(m, last, null, { compact: projector }));
    }
  }

  refused() {}
}

// A facilitator's token catches up on every channel; the room's screen shows only what is public.
const role = projector && account.get() ? 'FACILITATOR' : 'OBSERVER';
openExercise(role, () => ['public'], model => new PublicView(model), event => event.channel === 'PUBLIC')
  .catch(error => banner(`The view could not start: ${error.message}`, true));
