// The facilitator console: teams and readiness, clock and phase controls, the whole state,
// adjudication review, injects, notes, and a view of every channel.
import { el, fill, setText, label, fmt, num, toast, clearToasts, proposalName } from './dom.js';
import { openExercise } from './boot.js';
import { request, tokenFor } from './api.js';
import { SIDES, SIDE_FIELDS, sideLabel, issueName, latest, variableName, variablePaths, plainPaths, stateReason, triggerText } from './model.js';
import { confirmDialog } from './alerts.js';
import { briefView } from './briefs.js';
import { watchPresence, proposalsPanel, updateProposals } from './room.js';
import {
  picturePanel, updatePicture, chatPanel, updateChat, updateFeed, injectLine, resultsView, explain,
  loadFindings, findingChips, statusTag, banner, sectionTabs,
} from './widgets.js';
import { noteLine, noteForm } from './notes.js';
import { TeamDebriefs } from './debrief.js';


class FacilitatorConsole {
  constructor(model, live) {
    this.model = model;
    this.live = live;
    this.reviewTurn = null;
    document.getElementById('who').textContent = `Facilitator · ${model.view.you?.name || ''}`;
    this.build();
    loadFindings().then(() => this.update(new Set(['results', 'review'])));
    watchPresence(model, () => this.updateTeams());
  }

  /** Asks first (what cannot be undone), then sends; resolves null when the facilitator says no. */
  async confirmed(question, type, fields, done) {
    if (!await confirmDialog({ ...question, danger: true })) return null;
    return this.control(type, fields, done);
  }

  /** Sends a control command; resolves with the acknowledgement, or null once a refusal is shown. */
  control(type, fields = {}, done) {
    return this.live.send('control', { type, ...fields })
      .then(ack => { if (done) toast(done, 'ok'); return ack; })
      .catch(error => { toast(explain(error), 'error'); return null; });
  }

  // ------------------------------------------------------------ layout

  build() {
    const m = this.model;
    this.phaseHelp = el('p', { id: 'phase-help', class: 'muted' });
    const btn = (id, text, onclick, cls = '') => el('button', { type: 'button', id, class: cls, onclick }, text);
    this.buttons = {
      // Every screen's banner says the briefing has begun: no toast of its own.
      start: btn('ctl-start', 'Start', () => this.control('START'), 'primary'),
      advance: btn('ctl-advance', 'Advance', () => this.control('ADVANCE'), 'primary'),
      pause: btn('ctl-pause', 'Pause', () => this.control('PAUSE')),
      resume: btn('ctl-resume', 'Resume', () => this.control('RESUME')),
      extend1: btn('ctl-extend1', '+1 min', () => this.control('EXTEND', { seconds: 60 })),
      extend5: btn('ctl-extend5', '+5 min', () => this.control('EXTEND', { seconds: 300 })),
      cut: btn('ctl-cut', 'Cut short', () => this.confirmed({ title: `Cut the ${label(this.model.phase).toLowerCase()} phase short?`,
        body: 'The phase ends now for everyone and the next one begins.', confirm: 'Cut it short' }, 'CUT')),
      lock: btn('ctl-lock', 'Lock orders', () => this.confirmed({ title: 'Lock orders now?',
        body: this.lockText(), confirm: 'Lock orders' }, 'LOCK_ORDERS', {}, 'Orders locked.')),
    };
    const endReason = el('input', { type: 'text', id: 'end-reason', 'aria-label': 'Reason for ending (optional)', placeholder: 'Reason (optional)' });
    const endForm = el('details', { class: 'gap', id: 'end-details' }, el('summary', {}, 'End the exercise…'),
      el('div', { class: 'row gap' }, endReason,
        btn('ctl-end', 'End now', () => this.confirmed({ title: 'End the exercise?',
          body: 'Play stops for everyone at once and cannot be resumed. The after-action review stays available.', confirm: 'End the exercise' },
        'END', { reason: endReason.value }, 'Exercise ended.'), 'danger')));
    const clockPanel = el('section', { class: 'panel', 'aria-labelledby': 'clock-h' },
      el('h2', { id: 'clock-h' }, 'Phase and clock'), this.phaseHelp,
      el('div', { class: 'controls' }, Object.values(this.buttons)), endForm);

    this.teams = el('div', { id: 'teams' });
    const codes = m.view.joinCodes || {};
    // Removing a player gives that seat a new code (the old one stops working), so the codes are kept live.
    this.codeCells = {};
    const codesBox = el('details', {}, el('summary', {}, 'Join codes'),
      el('div', { class: 'codes gap' }, [['WASHINGTON', sideLabel(m, 'WASHINGTON')], ['MOSCOW', sideLabel(m, 'MOSCOW')],
        ['OBSERVER', 'Observers'], ['NOTETAKER', 'Notetakers']].map(([k, name]) =>
        [el('span', {}, name), this.codeCells[k] = el('code', { id: `code-${k.toLowerCase()}` }, codes[k] || '—'), el('span')])),
      el('p', {}, el('a', { href: `observer.html?view=projector&x=${encodeURIComponent(m.view.id)}`, target: '_blank', rel: 'noopener' }, 'Open the projector view'), ' · ',
        el('a', { href: `review.html?x=${encodeURIComponent(m.view.id)}`, id: 'review-link' }, 'After-action review')));
    const left = el('div', { class: 'column', id: 'col-control' }, clockPanel,
      el('section', { class: 'panel', 'aria-labelledby': 'teams-h' }, el('h2', { id: 'teams-h' }, 'Teams'), this.teams, codesBox),
      this.briefsPanel());

    this.review = el('div', { id: 'review' }, el('p', { class: 'muted' }, 'The engine’s draft adjudication appears here in the Adjudication phase.'));
    this.ratings = el('div', { id: 'ratings' });
    this.stateBox = el('div', { id: 'whole-state' });
    this.results = el('div', { id: 'results' });
    // The results as the room reads them, or as each team reads its own debrief (asked of the server when first chosen).
    this.resultsAs = 'PUBLIC';
    this.debriefs = Object.fromEntries(SIDES.map(side => [side, new TeamDebriefs(m.view.id, side, 'FACILITATOR', {
      loaded: () => this.update(new Set(['results'])),
      failed: error => toast(`${sideLabel(m, side)}’s debrief could not be loaded: ${explain(error)}`, 'error') })]));
    this.resultsTabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Whose account of the results' },
      [['PUBLIC', 'Public account'], ...SIDES.map(side => [side, `As ${sideLabel(m, side)} reads it`])].map(([as, text]) =>
        el('button', { type: 'button', role: 'tab', id: `results-as-${as}`, 'aria-selected': String(as === this.resultsAs), 'aria-controls': 'results',
          onclick: () => {
            this.resultsAs = as;
            for (const b of this.resultsTabs.children) b.setAttribute('aria-selected', String(b.id === `results-as-${as}`));
            this.update(new Set(['results']));
          } }, text)));
    const center = el('div', { class: 'column', id: 'col-state' },
      el('section', { class: 'panel', 'aria-labelledby': 'review-h' }, el('h2', { id: 'review-h' }, 'Adjudication review',
        el('span', { class: 'aside muted' }, `${label(m.view.mode)} mode`)), this.ratings, this.review),
      el('section', { class: 'panel', 'aria-labelledby': 'state-h' }, el('h2', { id: 'state-h' }, 'Whole state (facilitator only)'), this.stateBox),
      picturePanel('Public picture and trend'),
      el('section', { class: 'panel', 'aria-labelledby': 'results-h' }, el('h2', { id: 'results-h' }, 'Results'), this.resultsTabs, this.results));

    this.injectFeed = el('ol', { class: 'feed injects', id: 'injects', 'data-empty': 'None released yet.' });
    this.notesFeed = el('ol', { class: 'feed chat-log', id: 'notes', 'data-empty': 'No notes yet.' });
    this.chats = {
      WASHINGTON: chatPanel({ id: 'chat-w', title: `Team chat · ${sideLabel(m, 'WASHINGTON')}` }),
      MOSCOW: chatPanel({ id: 'chat-m', title: `Team chat · ${sideLabel(m, 'MOSCOW')}` }),
    };
    this.diplomacy = chatPanel({ id: 'diplomacy', title: 'Diplomatic channel' });
    const right = el('div', { class: 'column', id: 'col-room' },
      el('section', { class: 'panel', 'aria-labelledby': 'inj-h' }, el('h2', { id: 'inj-h' }, 'Injects'),
        this.injectFeed, this.heldInjects(), this.adHocForm()),
      el('section', { class: 'panel', 'aria-labelledby': 'notes-h' }, el('h2', { id: 'notes-h' }, 'Notes'), this.notesFeed, noteForm(this.live, () => decisionsOf(this.model))),
      proposalsPanel(), this.chats.WASHINGTON, this.chats.MOSCOW, this.diplomacy);
    // The suggestions for every variable box (ad hoc injects, effect edits): each path with its plain name.
    const variables = el('datalist', { id: 'variables' }, variablePaths(m.view).map(([path, name]) => el('option', { value: path }, name)));
    const main = el('main', { class: 'console facilitator', id: 'main', 'data-show': 'col-control' }, left, center, right);
    // On a tablet the three columns do not fit side by side: one at a time, chosen here (as on the player's console).
    document.body.append(sectionTabs(main, [['col-control', 'Clock and teams'], ['col-state', 'Adjudication and results'],
      ['col-room', 'Injects, notes and channels']]), main, variables);
  }

  /** The facilitator brief and both sides' briefs, as the scenario file has them. */
  briefsPanel() {
    const v = this.model.view;
    return el('section', { class: 'panel', id: 'briefs', 'aria-labelledby': 'briefs-h' }, el('h2', { id: 'briefs-h' }, 'Briefs'),
      v.facilitatorBrief ? el('details', {}, el('summary', {}, 'Facilitator brief'), el('p', { id: 'facilitator-brief' }, v.facilitatorBrief)) : null,
      SIDES.map(side => v.briefs?.[side] ? el('details', { id: `brief-${side}` }, el('summary', {}, `${sideLabel(this.model, side)}’s brief`),
        briefView(v.briefs[side], v.issues)) : null));
  }

  /** Every scenario inject: scheduled, triggered by a condition, or held; each with its text and Release. */
  heldInjects() {
    const id = el('input', { type: 'text', id: 'inject-id', 'aria-label': 'Inject id', placeholder: 'Scenario inject id' });
    this.planned = el('ul', { class: 'feed planned-injects', id: 'held-injects' });
    return el('div', { class: 'gap' },
      el('h3', {}, 'Scenario injects'), this.planned,
      el('details', {}, el('summary', {}, 'Release by id'),
        el('div', { class: 'row' }, el('span', { class: 'grow' }, id),
          el('button', { type: 'button', id: 'release-inject', onclick: () => id.value.trim() && this.control('RELEASE_INJECT', { injectId: id.value.trim() }, 'Inject released.').then(ack => { if (ack) id.value = ''; }) }, 'Release'))));
  }

  updatePlanned() {
    const m = this.model;
    const planned = m.view.injects || [];
    const when = i => i.kind === 'SCHEDULED' ? `Scheduled: start of turn ${i.turn}`
      : i.kind === 'TRIGGERED' ? `Triggered when ${triggerText(i, m.view.sides, m.view.issues)}`
        : 'Held: released only by you';
    const audience = a => a === 'ALL' ? 'everyone' : a === 'FACILITATOR' ? 'staff only' : sideLabel(m, a);
    fill(this.planned, planned.length ? planned.map(i => {
      const released = m.injects.find(r => r.injectId === i.id);
      return el('li', { class: `planned ${released ? 'released' : i.kind.toLowerCase()}`, 'data-inject': i.id },
        el('div', { class: 'row' }, el('b', { class: 'grow' }, i.title),
          released ? el('span', { class: 'tag' }, `released turn ${released.turn}`) : el('button', { type: 'button', class: 'small', 'data-release': i.id,
          onclick: () => this.confirmed({ title: `Release “${i.title}” now?`, body: `It goes to ${audience(i.audience)} at once${i.kind === 'HELD' ? '' : ', before its trigger'}.`,
            confirm: 'Release now' }, 'RELEASE_INJECT', { injectId: i.id }, `Released: ${i.title}`) }, 'Release')),
        el('details', {}, el('summary', { class: 'muted' }, `${released ? 'Released' : when(i)} · for ${audience(i.audience)}`),
          el('div', { class: 'text' }, i.text)));
    }) : el('li', { class: 'system' }, 'This scenario has no planned injects.'));
  }

  adHocForm() {
    const title = el('input', { type: 'text', id: 'adhoc-title', maxlength: 200 });
    const text = el('textarea', { id: 'adhoc-text', rows: 3, maxlength: 2000 });
    const audience = el('select', { id: 'adhoc-audience' },
      el('option', { value: 'ALL' }, 'Everyone'), el('option', { value: 'WASHINGTON' }, sideLabel(this.model, 'WASHINGTON')),
      el('option', { value: 'MOSCOW' }, sideLabel(this.model, 'MOSCOW')), el('option', { value: 'FACILITATOR' }, 'Staff only'));
    const variable = el('input', { type: 'text', id: 'adhoc-var', list: 'variables', placeholder: 'e.g. tension, moscow.trust' });
    const delta = el('input', { type: 'number', id: 'adhoc-delta', step: 'any' });
    const form = el('form', { id: 'adhoc-form' },
      el('div', { class: 'field' }, el('label', { for: 'adhoc-title' }, 'Title'), title),
      el('div', { class: 'field' }, el('label', { for: 'adhoc-text' }, 'Text'), text),
      el('div', { class: 'field' }, el('label', { for: 'adhoc-audience' }, 'Audience'), audience),
      el('div', { class: 'row' },
        el('div', { class: 'field grow' }, el('label', { for: 'adhoc-var' }, 'Change a variable (optional)'), variable),
        el('div', { class: 'field', style: null }, el('label', { for: 'adhoc-delta' }, 'by'), delta)),
      el('button', { type: 'submit', class: 'primary gap', id: 'adhoc-send' }, 'Release ad hoc inject'));
    form.addEventListener('submit', e => {
      e.preventDefault();
      const inject = { title: title.value.trim(), text: text.value.trim(), audience: audience.value,
        changes: variable.value.trim() && delta.value !== '' ? [{ variable: variable.value.trim(), delta: Number(delta.value) }] : [] };
      this.control('RELEASE_INJECT', { inject }, 'Inject released.').then(ack => ack && form.reset());
    });
    return el('details', { class: 'gap' }, el('summary', {}, 'Write an ad hoc inject'), form);
  }

  // ------------------------------------------------------------ parts

  updateControls() {
    const m = this.model;
    const p = m.phase;
    const running = !!m.deadline || m.remainingSeconds !== null;
    const b = this.buttons;
    b.start.hidden = p !== 'LOBBY';
    b.advance.hidden = p === 'LOBBY' || p === 'ENDED';
    b.advance.disabled = p === 'ADJUDICATION' && m.view.mode !== 'AUTOMATIC';
    b.pause.disabled = m.paused || !m.deadline;
    b.resume.disabled = !m.paused;
    b.extend1.disabled = b.extend5.disabled = b.cut.disabled = !['BRIEFING', 'DELIBERATION', 'ORDERS', 'RESULTS'].includes(p);
    b.lock.disabled = p !== 'ORDERS';
    for (const button of Object.values(b)) if (p === 'ENDED') button.disabled = true;
    const help = {
      LOBBY: 'Players are joining. Start when both teams are ready.',
      BRIEFING: 'Teams read the situation and any injects.',
      DELIBERATION: 'Team chat, diplomacy and proposals; drafts are open.',
      ORDERS: 'Teams submit sealed orders. Lock orders seals each team’s current draft now; a team with no draft plays Hold.',
      ADJUDICATION: m.view.mode === 'AUTOMATIC' ? 'The engine’s result stands.' : 'Review the engine’s draft below: approve it, or edit it with a rationale.',
      RESULTS: 'Both teams see the orders and the outcome. Advance to open the next turn.',
      ENDED: `Ended${m.ended?.reason ? ': ' + m.ended.reason : ''}.`,
    }[p] || '';
    setText(this.phaseHelp, `${label(p)}${running ? '' : p !== 'LOBBY' && p !== 'ENDED' ? ' · no deadline' : ''}. ${help}`);
  }

  updateTeams() {
    const m = this.model;
    fill(this.teams, SIDES.map(side => {
      const members = [...m.players.values()].filter(p => p.role === 'PLAYER' && p.side === side);
      const draft = Object.values(m.drafts[side]);
      const status = m.defaulted[side] ? 'defaulted to Hold' : m.sealed[side] ? (m.submitted[side] && !m.submitted[side].playerId ? 'draft sealed at the lock' : 'orders sealed')
        : m.withdrawn[side] ? `orders withdrawn by ${m.withdrawn[side]}, drafting again` : draft.length ? `drafting: ${draft.length} line${draft.length === 1 ? '' : 's'}` : 'no draft yet';
      return el('div', { class: `team-block ${side}`, 'data-side': side },
        el('div', { class: 'row' }, el('h3', { class: `grow side-${side}` }, sideLabel(m, side)),
          el('span', { class: 'tag', id: `ready-${side}` }, status)),
        el('ul', { class: 'members' }, members.length ? members.map(p => el('li', {},
          el('span', {}, presenceDot(m, p), p.name),
          el('span', { class: 'row' },
            el('button', { type: 'button', class: 'small', title: `Move ${p.name} to the other team`,
              onclick: () => this.control('MOVE_PLAYER', { playerId: p.playerId, side: SIDES.find(s => s !== side) }) }, 'Move'),
            el('button', { type: 'button', class: 'small danger', title: `Remove ${p.name}`,
              onclick: () => this.confirmed({ title: `Remove ${p.name} from ${sideLabel(m, side)}?`,
                body: `${p.name}’s console stops at once. The ${sideLabel(m, side)} join code changes, so hand the team the new one.`,
                confirm: `Remove ${p.name}` }, 'REMOVE_PLAYER', { playerId: p.playerId }, `${p.name} removed.`) }, 'Remove'))))
          : el('li', { class: 'muted' }, 'Nobody has joined yet.')),
        draft.length ? el('table', { class: 'grid' }, el('tbody', {}, draft.map(d => el('tr', {},
          el('td', {}, issueName(m, d.issueId)), el('td', {}, el('b', {}, label(d.move)), d.redLine ? ' · red line' : ''),
          el('td', { class: 'muted' }, d.by || ''))))) : null);
    }), (() => {
      const others = [...m.players.values()].filter(p => p.role !== 'PLAYER');
      return others.length ? el('p', { class: 'muted', id: 'others' }, 'Also here: ', others.map((p, n) => [n ? ', ' : '', presenceDot(m, p), `${p.name} (${label(p.role)})`])) : null;
    })());
  }

  updateState() {
    const m = this.model;
    const full = latest(m.fullStates);
    if (!full?.state) { fill(this.stateBox, el('p', { class: 'muted' }, 'No state yet.')); return; }
    const s = full.state;
    const sides = s.sides || {};
    const ctx = s.context || {};
    fill(this.stateBox,
      el('div', { class: 'row' }, el('span', {}, 'Tension '), el('b', { class: 'mono' }, fmt(s.tension, 1)),
        el('span', { class: 'muted' }, ` · after turn ${s.turn} · ${this.reasonText(full.reason)}`), s.conflict ? el('span', { class: 'status status-CONFLICT' }, 'Conflict') : null),
      el('table', { class: 'grid gap', 'aria-label': 'Side variables' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Variable'), SIDES.map(sd => el('th', { class: `side-${sd}` }, sideLabel(m, sd))))),
        el('tbody', {}, SIDE_FIELDS.map(k => el('tr', {}, el('th', { scope: 'row' }, variableName(k)),
          SIDES.map(sd => el('td', { class: 'num' }, typeof sides[sd]?.[k] === 'boolean' ? (sides[sd][k] ? 'yes' : 'no') : fmt(sides[sd]?.[k], 1))))))),
      el('table', { class: 'grid gap', 'aria-label': 'Issues' },
        el('thead', {}, el('tr', {}, ['Issue', 'Status', 'Balance', 'Unresolved', 'Red lines'].map(h => el('th', {}, h)))),
        el('tbody', {}, Object.values(s.issues || {}).map(i => el('tr', {},
          el('td', {}, issueName(m, i.id)), el('td', {}, statusTag(i.status)), el('td', { class: 'num' }, fmt(i.balance, 1)),
          el('td', { class: 'num' }, String(i.turnsUnresolved ?? '')), el('td', {}, (i.redLines || []).map(x => sideLabel(m, x)).join(', ')))))),
      el('p', { class: 'muted gap', id: 'context' }, 'Context: ', Object.entries(ctx).map(([k, v], n) => `${n ? ' · ' : ''}${variableName(k)} ${fmt(v, 1)}`)),
      (s.agreements || []).length ? el('p', {}, 'Agreements: ', s.agreements.map((a, n) =>
        `${n ? '; ' : ''}${issueName(m, a.issueId)} (turn ${a.concludedTurn}, ${a.inForce ? 'in force' : 'lapsed'})`)) : null);
  }

  /** Why the whole state was recorded, an inject named by its title. */
  reasonText(reason) {
    const m = this.model;
    return stateReason(reason, id => m.injects.find(i => i.injectId === id)?.title || (m.view.injects || []).find(i => i.id === id)?.title);
  }

  /** What Lock orders will do to each team, said before it is done. */
  lockText() {
    const m = this.model;
    return SIDES.map(side => {
      const lines = Object.values(m.drafts[side]).filter(d => d.move);
      return `${sideLabel(m, side)}: ${m.sealed[side] ? 'orders already sealed' : lines.length
        ? `not submitted: its current draft (moves on ${lines.length} issue${lines.length === 1 ? '' : 's'}) is sealed as its orders` : 'no orders and no draft: plays Hold on every issue'}.`;
    }).join(' ');
  }

  updateRatings() {
    const m = this.model;
    const open = ['ORDERS', 'ADJUDICATION'].includes(m.phase) && m.view.mode !== 'AUTOMATIC';
    const sealed = SIDES.flatMap(side => Object.values(m.submitted[side]?.orders?.byIssue || {})
      .filter(o => o.argument).map(o => ({ side, ...o })));
    if (!open || !sealed.length) { fill(this.ratings); return; }
    if (this.ratings.dataset.turn === String(m.turn) && this.ratings.dataset.count === String(sealed.length)) return;
    this.ratings.dataset.turn = String(m.turn);
    this.ratings.dataset.count = String(sealed.length);
    fill(this.ratings, el('h3', {}, 'Rate the arguments (−2 weak … +2 strong)'),
      el('table', { class: 'grid' }, el('tbody', {}, sealed.map(o => {
        const select = el('select', { 'aria-label': `Rating for ${sideLabel(m, o.side)} on ${issueName(m, o.issueId)}` },
          [-2, -1, 0, 1, 2].map(v => el('option', { value: v, selected: v === 0 }, v > 0 ? `+${v}` : String(v))));
        return el('tr', {}, el('td', { class: `side-${o.side}` }, sideLabel(m, o.side)),
          el('td', {}, issueName(m, o.issueId), ': ', el('b', {}, label(o.move)), el('div', { class: 'argument muted' }, o.argument)),
          el('td', {}, select),
          el('td', {}, el('button', { type: 'button', class: 'small', onclick: () => this.control('RATE_ARGUMENT',
            { side: o.side, issueId: o.issueId, rating: Number(select.value) }, 'Rating recorded.') }, 'Rate')));
      }))));
  }

  updateReview() {
    const m = this.model;
    const d = m.drafted;
    if (!d || m.phase !== 'ADJUDICATION') {
      if (this.reviewTurn !== null || !this.review.dataset.empty) {
        this.reviewTurn = null;
        this.review.dataset.empty = '1';
        const last = m.decided;
        fill(this.review, el('p', { class: 'muted' }, last
          ? `Turn ${last.turn}: ${label(last.decision)} — “${last.rationale || ''}”`
          : 'The engine’s draft adjudication appears here in the Adjudication phase.'));
      }
      return;
    }
    // The form is built once per draft: updates never touch what the facilitator is writing.
    if (this.reviewTurn === d.turn) return;
    this.reviewTurn = d.turn;
    delete this.review.dataset.empty;
    const outcome = d.outcome || {};
    // Edits start from the public account: the engine's narrative names dice and both sides' private
    // values, so it is shown beside the form, read-only, and never pre-filled into what players see.
    const engineAccount = d.narrative || {};
    const told = d.publicNarrative || {};
    const mode = m.view.mode;
    const summary = el('textarea', { id: 'review-summary', rows: 3 });
    summary.value = told.summary || '';
    const byIssue = {};
    const rationale = el('textarea', { id: 'review-rationale', rows: 2, required: true, 'aria-describedby': 'rationale-hint' });
    const changes = el('div', { id: 'review-changes' });
    const addChange = () => changes.append(changeRow(m));
    const error = el('p', { class: 'error-text', id: 'review-error', role: 'alert' });
    const decide = type => {
      setText(error, '');
      if (!rationale.value.trim()) { setText(error, 'A rationale is required: say why you approve or change the result.'); rationale.focus(); return; }
      const fields = { rationale: rationale.value.trim() };
      if (type !== 'APPROVE') {
        fields.summary = summary.value;
        fields.byIssue = Object.fromEntries(Object.entries(byIssue).map(([k, t]) => [k, t.value]));
        fields.changes = [...changes.querySelectorAll('.effect-row')].map(readChange).filter(Boolean);
      }
      this.control(type, fields, type === 'APPROVE' ? 'Adjudication approved; results published.' : 'Edited result published.');
    };
    fill(this.review,
      el('p', {}, `Engine draft for turn ${d.turn}.`),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ['Issue', sideLabel(m, 'WASHINGTON'), sideLabel(m, 'MOSCOW'), 'Status', 'Findings'].map(h => el('th', {}, h)))),
        el('tbody', {}, (outcome.issues || []).map(i => el('tr', {},
          el('td', {}, issueName(m, i.issueId)),
          el('td', {}, label(i.washingtonMove), i.washingtonMoveAsReadByMoscow && i.washingtonMoveAsReadByMoscow !== i.washingtonMove ? el('div', { class: 'muted' }, `read as ${label(i.washingtonMoveAsReadByMoscow)}`) : null),
          el('td', {}, label(i.moscowMove), i.moscowMoveAsReadByWashington && i.moscowMoveAsReadByWashington !== i.moscowMove ? el('div', { class: 'muted' }, `read as ${label(i.moscowMoveAsReadByWashington)}`) : null),
          el('td', {}, statusTag(i.before), ' → ', statusTag(i.after)),
          el('td', {}, findingChips(i.findings || [])))))),
      el('details', { class: 'gap' }, el('summary', {}, `Effects (${(outcome.effects || []).length})`),
        el('table', { class: 'grid' }, el('tbody', {}, (outcome.effects || []).map(e => el('tr', {},
          el('td', {}, variableName(e.variable, m.view.sides, m.view.issues)), el('td', { class: 'num' }, `${num(e.before)} → ${num(e.after)}`), el('td', {}, e.reason),
          el('td', {}, (e.findings || []).join(' '))))))),
      el('details', {}, el('summary', {}, `Dice (${(outcome.rolls || []).length})`),
        el('table', { class: 'grid rolls' }, el('tbody', {}, (outcome.rolls || []).map(r => el('tr', {},
          el('td', {}, r.purpose), el('td', {}, r.issueId ? issueName(m, r.issueId) : ''), el('td', {}, `${fmt(r.odds * 100, 0)}% chance`), el('td', {}, `drew ${fmt(r.draw, 3)}`),
          el('td', {}, r.success ? 'yes' : 'no')))))),
      el('div', { class: 'field gap' }, el('label', { for: 'review-summary' }, 'Narrative summary (players see this)'), summary,
        engineText('review-engine-summary', engineAccount.summary, m.view)),
      el('details', {}, el('summary', {}, 'Narrative per issue'),
        (m.view.issues).map(issue => {
          const t = el('textarea', { id: `review-issue-${issue.id}`, rows: 2 });
          t.value = told.byIssue?.[issue.id] || '';
          byIssue[issue.id] = t;
          return el('div', { class: 'field' }, el('label', { for: t.id }, issue.name), t,
            engineText(`review-engine-${issue.id}`, engineAccount.byIssue?.[issue.id], m.view));
        })),
      el('details', {}, el('summary', {}, 'Change effects'),
        el('p', { class: 'muted' }, 'Pick a variable from the suggestions (type a few letters), or type its path: tension, washington.trust, issue.<id>.balance …'),
        changes, el('button', { type: 'button', class: 'small', onclick: addChange }, 'Add a change')),
      el('div', { class: 'field gap' }, el('label', { for: 'review-rationale' }, 'Rationale (required)'), rationale,
        el('span', { class: 'hint', id: 'rationale-hint' }, 'Kept in the log with both versions of the result.')),
      error,
      el('div', { class: 'row' },
        mode === 'REVIEWED' ? el('button', { type: 'button', class: 'primary', id: 'review-approve', onclick: () => decide('APPROVE') }, 'Approve the engine’s result') : null,
        el('button', { type: 'button', id: 'review-edit', onclick: () => decide('EDIT') }, 'Publish with my edits'),
        mode === 'FREE' ? el('button', { type: 'button', id: 'review-override', onclick: () => decide('OVERRIDE') }, 'Publish my own outcome') : null));
  }

  async refreshCodes() {
    try {
      const view = await request('GET', `/api/exercises/${encodeURIComponent(this.model.view.id)}`, undefined,
        tokenFor(this.model.view.id, 'FACILITATOR'));
      for (const [k, cell] of Object.entries(this.codeCells)) setText(cell, (view.joinCodes || {})[k] || '—');
    } catch (error) {
      toast(`The new join codes could not be read: ${error.message}`, 'error');
    }
  }

  update(changed) {
    const all = changed.has('all');
    const m = this.model;
    if (changed.has('removed')) this.refreshCodes();
    if (all || changed.has('phase') || changed.has('clock')) this.updateControls();
    if (changed.has('phase') && !all) clearToasts();
    if (all || changed.has('players') || changed.has('draft') || changed.has('sealed')) this.updateTeams();
    if (all || changed.has('full')) this.updateState();
    if (all || changed.has('picture')) updatePicture(m, null);
    if (all || changed.has('review') || changed.has('phase') || changed.has('sealed')) { this.updateRatings(); this.updateReview(); }
    if (all || changed.has('injects')) {
      updateFeed(this.injectFeed, m.injects, injectLine);
      this.updatePlanned();
    }
    if (all || changed.has('notes')) updateFeed(this.notesFeed, m.notes, noteLine);
    if (all || changed.has('teamChat')) SIDES.forEach(side => updateChat(this.chats[side], m.teamChat[side]));
    if (all || changed.has('proposals') || changed.has('results')) updateProposals(m);
    if (all || changed.has('diplomacy')) updateChat(this.diplomacy, m.diplomacy.filter(x => x.text !== undefined));
    if (all || changed.has('results') || (changed.has('picture') && m.results.length)) {
      const side = this.resultsAs === 'PUBLIC' ? null : this.resultsAs;
      if (side) this.debriefs[side].refresh(m.results);
      fill(this.results, m.results.length ? [...m.results].reverse().map(r => resultsView(m, r, side, { account: side && this.debriefs[side].get(r.turn) }))
        : el('p', { class: 'muted' }, 'No results yet.'));
    }
  }

  refused(error) {
    toast(explain(error), 'error');
  }
}

/** Connected now or not, in a word for screen readers and a dot for the eye. */
function presenceDot(model, p) {
  if (!model.connected) return null;
  const on = model.connected.has(p.playerId);
  return el('span', { class: `presence ${on ? 'online' : 'offline'}`, title: on ? 'connected now' : 'not connected',
    'data-presence': on ? 'online' : 'offline' }, el('span', { class: 'sr-only' }, on ? 'connected: ' : 'not connected: '));
}

function changeRow(model) {
  return el('div', { class: 'effect-row' },
    el('input', { type: 'text', 'aria-label': 'Variable', placeholder: 'variable', list: 'variables' }),
    el('input', { type: 'number', 'aria-label': 'Change by', placeholder: 'delta' }),
    el('input', { type: 'text', 'aria-label': 'Or set to', placeholder: 'or set' }),
    el('button', { type: 'button', class: 'small', 'aria-label': 'Remove this change', onclick: e => e.target.closest('.effect-row').remove() }, '×'));
}

/** The engine's own wording next to an editable field, for the facilitator's eyes only. */
function engineText(id, text, view) {
  return text ? el('p', { class: 'hint', id }, el('strong', {}, 'Engine’s account (facilitator only): '), plainPaths(text, view.sides, view.issues)) : null;
}

function readChange(row) {
  const [variable, delta, set] = row.querySelectorAll('input');
  if (!variable.value.trim()) return null;
  return { variable: variable.value.trim(), delta: delta.value === '' ? null : Number(delta.value), set: set.value.trim() || null };
}

openExercise('FACILITATOR', () => ['control'], (model, live) => new FacilitatorConsole(model, live))
  .catch(error => banner(`The console could not start: ${error.message}`, true));

/** What a note can be about: the issues and this turn's proposals. */
function decisionsOf(model) {
  return [...model.view.issues.map(i => [i.id, `Issue: ${i.name}`]),
    ...[...model.proposals.values()].filter(p => p.turn === model.turn).map(p => [p.proposalId, proposalName(p.proposalId)])];
}
