// The review's record: beside history, the agreements ledger, transcripts, notes and injects, and the
// timeline of every event, all in plain words.
import { el, fill, label, fmt, proposalName } from './dom.js';
import { SIDES, stateReason } from './model.js';
import { EVENT } from './events.js';

// What each event is, in words, for the timeline (the log's own type names stay out of view).
const EVENT_NAMES = {
  [EVENT.EXERCISE_CREATED]: 'Exercise created', [EVENT.PLAYER_JOINED]: 'Joined', [EVENT.PLAYER_MOVED]: 'Moved to the other team', [EVENT.PLAYER_REMOVED]: 'Removed',
  [EVENT.PHASE_CHANGED]: 'Phase', [EVENT.CLOCK_CHANGED]: 'Clock', [EVENT.INJECT_RELEASED]: 'Inject', [EVENT.STATE_PUBLIC]: 'Public picture',
  [EVENT.STATE_SIDE]: 'Team’s picture', [EVENT.STATE_FULL]: 'Whole state', [EVENT.CHAT_TEAM]: 'Team chat', [EVENT.CHAT_DIPLOMACY]: 'Diplomatic message',
  [EVENT.DRAFT_CHANGED]: 'Draft changed', [EVENT.ORDERS_SUBMITTED]: 'Orders submitted', [EVENT.ORDERS_SEALED]: 'Orders sealed', [EVENT.ORDERS_UNSEALED]: 'Orders withdrawn',
  [EVENT.ORDERS_DEFAULTED]: 'No orders: Hold', [EVENT.PROPOSAL_MADE]: 'Proposal', [EVENT.PROPOSAL_ANSWERED]: 'Answer to a proposal',
  [EVENT.ARGUMENT_RATED]: 'Argument rated', [EVENT.ADJUDICATION_DRAFTED]: 'Engine’s draft', [EVENT.ADJUDICATION_DECIDED]: 'Facilitator’s decision',
  [EVENT.RESULTS_PUBLISHED]: 'Results', [EVENT.NOTE_ADDED]: 'Note', [EVENT.EXERCISE_ENDED]: 'Exercise ended',
};

export function eventName(type) {
  return EVENT_NAMES[type] || label(type);
}

export class Record {
  constructor(replay) {
    this.replay = replay;
    this.review = replay.review;
  }

  history() {
    const h = this.review.history;
    if (!h.length) return el('section', { id: 'history' }, el('h2', {}, 'Beside history'), el('p', {}, 'This scenario has no historical track.'));
    return el('section', { id: 'history' }, el('h2', {}, 'Beside history'),
      el('table', {}, el('thead', {}, el('tr', {}, ['Turn', 'Period', 'Issue', 'Side', 'Played', 'History'].map(x => el('th', {}, x)))),
        el('tbody', {}, h.flatMap(t => t.moves.filter(m => m.historical !== 'HOLD' || (m.played && m.played !== 'HOLD'))
          .map(m => el('tr', { 'data-turn': t.turn, class: m.diverged ? 'diverged' : '' },
            el('td', {}, t.turn), el('td', {}, t.period), el('td', {}, m.issue), el('td', { class: `side-${m.side}` }, this.replay.sideLabel(m.side)),
            el('td', {}, m.played ? label(m.played) : 'not played'), el('td', {}, label(m.historical), m.diverged ? ' ≠' : '')))))));
  }

  agreements() {
    const a = this.review.agreements;
    return el('section', { id: 'agreements' }, el('h2', {}, 'Agreements ledger'), a.length
      ? el('table', {}, el('thead', {}, el('tr', {}, ['Issue', 'Concluded', 'Balance', 'Institutional', 'In force'].map(x => el('th', {}, x)))),
        el('tbody', {}, a.map(x => el('tr', {}, el('td', {}, x.issue), el('td', {}, `turn ${x.concludedTurn}`), el('td', {}, fmt(x.balance, 1)),
          el('td', {}, x.institutional ? 'yes' : 'no'), el('td', {}, x.inForce ? 'yes' : `lapsed in turn ${x.lapsedTurn}`)))))
      : el('p', {}, 'No agreement was concluded.'));
  }

  /** Proposal terms in words: "offers Ukraine — Negotiate; asks Arms control — Negotiate". */
  terms(detail) {
    const words = map => Object.entries(map || {}).map(([issue, move]) => `${this.replay.issueName(issue)} — ${label(move)}`).join('; ');
    const parts = [];
    if (detail.offered && Object.keys(detail.offered).length) parts.push(`offers ${words(detail.offered)}`);
    if (detail.requested && Object.keys(detail.requested).length) parts.push(`asks ${words(detail.requested)}`);
    return parts.length ? el('div', { class: 'muted' }, parts.join('; in return ')) : null;
  }

  lines(id, items) {
    return el('div', { class: 'transcript', id }, items.length ? el('table', {}, el('tbody', {}, items.map(l => el('tr', {},
      el('td', {}, `T${l.turn}`), el('td', { class: l.side ? `side-${l.side}` : '' }, l.name,
        l.detail?.role ? el('div', { class: 'muted' }, label(l.detail.role)) : null), el('td', {}, label(l.kind)),
      // An answer's text is the answer itself (ACCEPTED): said as a word.
      el('td', {}, l.kind === 'ANSWER' ? label(l.text) : l.text, l.detail ? this.terms(l.detail) : null))))) : el('p', {}, 'Nothing.'));
  }

  transcripts() {
    const r = this.review;
    return el('section', { id: 'transcripts' }, el('h2', {}, 'Transcripts'),
      SIDES.map(side => [el('h3', {}, `${this.replay.sideLabel(side)} team chat`), this.lines(`chat-${side}`, r.teamChat.filter(l => l.side === side))]),
      el('h3', {}, 'Diplomatic channel'), this.lines('diplomacy', r.diplomacy));
  }

  notes() {
    const r = this.review;
    // Staff notes stay with the staff: the server sends players none, so their page shows only the injects.
    if (r.standing === 'PLAYER') return el('section', { id: 'notes' }, el('h2', {}, 'Injects'), this.lines('inject-lines', r.injects));
    return el('section', { id: 'notes' }, el('h2', {}, 'Facilitator and notetaker notes'), this.lines('note-lines', r.notes),
      el('h3', {}, 'Injects'), this.lines('inject-lines', r.injects));
  }

  timeline() {
    const r = this.review;
    const turns = [...new Set(r.events.map(e => e.turn))];
    const kinds = [...new Set(r.events.map(e => e.type))].sort((a, b) => eventName(a).localeCompare(eventName(b)));
    const select = (id, name, options) => el('label', {}, `${name} `, el('select', { id, onchange: filter },
      el('option', { value: '' }, 'all'), options.map(([v, t]) => el('option', { value: v }, t))));
    const body = el('tbody', { id: 'timeline-rows' });
    const summary = e => this.summary(e);
    function filter() {
      const turn = document.getElementById('filter-turn').value;
      const team = document.getElementById('filter-team').value;
      const kind = document.getElementById('filter-kind').value;
      fill(body, r.events.filter(e => (!turn || String(e.turn) === turn) && (!kind || e.type === kind)
        && (!team || eventSide(e) === team)).map(e => el('tr', { 'data-seq': e.seq },
        el('td', {}, e.seq), el('td', {}, `T${e.turn}`), el('td', {}, label(e.phase)), el('td', {}, eventName(e.type)),
        el('td', {}, label(e.channel)), el('td', {}, e.actor || ''), el('td', {}, summary(e)))));
    }
    const section = el('section', { id: 'timeline' }, el('h2', {}, 'Timeline'),
      el('div', { class: 'filters' }, select('filter-turn', 'Turn', turns.map(t => [t, `turn ${t}`])),
        select('filter-team', 'Team', SIDES.map(s => [s, this.replay.sideLabel(s)])), select('filter-kind', 'Kind', kinds.map(k => [k, eventName(k)]))),
      el('div', { class: 'timeline' }, el('table', {}, el('thead', {}, el('tr', {},
        ['#', 'Turn', 'Phase', 'Event', 'Channel', 'Actor', ''].map(h => el('th', {}, h)))), body)));
    queueMicrotask(filter);
    return section;
  }

  summary(e) {
    const p = e.payload || {};
    if (p.answer) return `${proposalName(p.proposalId)} ${label(p.answer).toLowerCase()}`;
    if (p.phase) return `${label(p.phase)}, turn ${p.turn}`;
    if (e.type === EVENT.DRAFT_CHANGED && p.change) return `${this.replay.issueName(p.change.issueId)}: ${p.change.move ? label(p.change.move) : 'cleared'}`;
    if (e.type === EVENT.STATE_FULL) return stateReason(p.reason, id => this.review.events.find(x => x.type === EVENT.INJECT_RELEASED && x.payload?.injectId === id)?.payload.title);
    return p.text || p.title || p.summary || p.reason || p.rationale || '';
  }
}

function eventSide(e) {
  if (e.channel === 'TEAM_WASHINGTON') return 'WASHINGTON';
  if (e.channel === 'TEAM_MOSCOW') return 'MOSCOW';
  const p = e.payload || {};
  return p.side || p.from || p.by || null;
}
