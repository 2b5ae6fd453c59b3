// The player console: the team's picture, one card per issue (the shared draft), submission,
// team chat, the diplomatic channel with proposals, and results.
import { el, fill, setText, label, time, toast, proposalName } from './dom.js';
import { request, unsent } from './api.js';
import { openExercise, stopConsole } from './boot.js';
import { APPROACH, MOVE_TEXT, SIDES, sideLabel, issueName, latest, draftChangeText } from './model.js';
import {
  picturePanel, updatePicture, chatPanel, updateChat, updateFeed, chatLine, injectLine, resultsView, explain, loadFindings, banner,
  enableForm, sectionTabs,
} from './widgets.js';
import { confirmDialog } from './alerts.js';
import { briefView } from './briefs.js';
import { TeamDebriefs } from './debrief.js';

const EDITABLE = ['BRIEFING', 'DELIBERATION', 'ORDERS'];
const GROUPS = [['hardline', 'Hardline'], ['less-hardline', 'Less-hardline'], ['neither', 'Neither']];

class PlayerConsole {
  constructor(model, live) {
    this.model = model;
    this.live = live;
    this.side = model.view.you.side;
    this.other = SIDES.find(s => s !== this.side);
    this.me = model.view.you.playerId;
    this.cards = new Map();
    // The team's own account of each published turn; until it arrives the public account shows.
    this.debriefs = new TeamDebriefs(model.view.id, this.side, 'PLAYER', { loaded: () => this.update(new Set(['results'])),
      failed: error => toast(`Your team's debrief could not be loaded: ${explain(error)}`, 'error') });
    this.dirty = new Set();      // issues whose argument has unsent local edits
    this.pending = new Map();    // issueId -> number of draft commands in flight
    this.timers = new Map();
    this.keyed = 0;              // when an arrow key last moved a radio selection
    this.unsent = unsent(model.view.id, this.me);
    document.getElementById('who').textContent = `${model.view.you.name} · ${sideLabel(model, this.side)}`;
    document.body.classList.add(`team-${this.side}`);
    this.build();
    loadFindings().then(() => this.update(new Set(['results'])));
    this.loadBrief();
  }

  // ------------------------------------------------------------ layout

  build() {
    const m = this.model;
    this.situation = el('div', { id: 'situation' }, el('p', { class: 'muted' }, 'Loading the situation…'));
    this.injects = el('ol', { class: 'feed injects', id: 'injects', 'aria-live': 'polite', 'data-empty': 'None released yet.' });
    const left = el('div', { class: 'column', id: 'col-situation' },
      // Injects first: the newest news stays in sight above the (long) briefs.
      el('section', { class: 'panel', 'aria-labelledby': 'sit-h' }, el('h2', { id: 'sit-h' }, 'Injects'), this.injects,
        el('h2', { class: 'gap' }, 'Situation'), this.situation),
      picturePanel(`What ${sideLabel(m, this.side)} sees`));

    this.submitState = el('span', { class: 'state', id: 'submit-state', role: 'status', 'aria-live': 'polite' }, '');
    this.submitButton = el('button', { class: 'primary', id: 'submit-orders', type: 'button', onclick: () => this.submit() }, 'Submit orders');
    this.unsealButton = el('button', { id: 'unseal-orders', type: 'button', hidden: true, onclick: () => this.unseal() }, 'Withdraw orders');
    this.submitBar = el('div', { class: 'submitbar' }, el('div', {}, this.submitState, el('div', { class: 'muted', id: 'other-state' }, '')),
      el('div', { class: 'row' }, this.unsealButton, this.submitButton));
    this.withheldAll = el('p', { class: 'withheld', id: 'withheld-all', hidden: true });
    this.cardGrid = el('div', { class: 'cards', id: 'cards' }, m.view.issues.map(issue => this.card(issue)));
    this.activity = el('ol', { class: 'feed', id: 'draft-activity', 'aria-label': 'Draft changes' });
    this.members = el('p', { class: 'muted', id: 'members' });
    this.ordersPanel = el('div', { id: 'tab-orders', role: 'tabpanel', 'aria-labelledby': 'tabbtn-orders' },
      this.submitBar, this.members, this.withheldAll, this.cardGrid,
      el('h2', { class: 'gap' }, 'Who changed what'), this.activity);
    this.resultsPanel = el('div', { id: 'tab-results', role: 'tabpanel', 'aria-labelledby': 'tabbtn-results', hidden: true },
      el('p', { class: 'muted' }, 'Results appear here after each turn is adjudicated.'));
    this.tabOrders = el('button', { type: 'button', role: 'tab', id: 'tabbtn-orders', 'aria-controls': 'tab-orders', 'aria-selected': 'true', onclick: () => this.tab('orders') }, 'Orders');
    this.tabResults = el('button', { type: 'button', role: 'tab', id: 'tabbtn-results', 'aria-controls': 'tab-results', 'aria-selected': 'false', onclick: () => this.tab('results') }, 'Results');
    const center = el('div', { class: 'column', id: 'col-orders' },
      el('section', { class: 'panel', 'aria-label': 'Orders and results' },
        el('div', { class: 'tabs', role: 'tablist' }, this.tabOrders, this.tabResults), this.ordersPanel, this.resultsPanel));

    this.teamChat = chatPanel({ id: 'team-chat', title: `Team chat · ${sideLabel(m, this.side)}`, me: this.me,
      placeholder: 'To your team – Enter sends', send: text => this.live.send('chat.team', { text }), keep: this.unsent });
    this.diplomacy = chatPanel({ id: 'diplomacy', title: 'Diplomatic channel', me: this.me,
      placeholder: `To ${sideLabel(m, this.other)} – Enter sends`, send: text => this.live.send('chat.diplomacy', { text }), keep: this.unsent });
    this.proposalList = el('div', { id: 'proposals', class: 'feed' });
    this.diplomacy.append(el('h2', { class: 'gap' }, 'Proposals this turn'), this.proposalList, this.proposalForm());
    const right = el('div', { class: 'column', id: 'col-talk' }, this.teamChat, this.diplomacy);

    const main = el('main', { class: 'console player', id: 'main', 'data-show': 'col-orders' }, left, center, right);
    // On a tablet the three columns do not fit side by side: one at a time, chosen here.
    document.body.append(sectionTabs(main, [['col-situation', 'Situation'], ['col-orders', 'Orders and results'], ['col-talk', 'Chat and diplomacy']]), main);
  }

  /** The public summary, then this team's own brief (the server sends no other team's). */
  async loadBrief() {
    const v = this.model.view;
    let turnLength = '';
    try {
      turnLength = (await request('GET', '/api/scenarios')).find(s => s.id === v.scenarioId)?.turnLength || '';
    } catch {
      // The turn length is a detail; the briefs come with the exercise.
    }
    fill(this.situation,
      el('p', { class: 'public-summary' }, v.summary || v.title),
      el('p', { class: 'muted' }, `${v.turns} turns${turnLength ? ' of ' + turnLength : ''} · you play ${sideLabel(this.model, this.side)}`),
      v.briefs?.[this.side] ? el('details', { class: 'team-brief', id: 'team-brief', open: true },
        el('summary', {}, `${sideLabel(this.model, this.side)}’s brief (your team only)`), briefView(v.briefs[this.side], v.issues)) : null);
  }

  tab(which) {
    const orders = which === 'orders';
    this.ordersPanel.hidden = !orders;
    this.resultsPanel.hidden = orders;
    this.tabOrders.setAttribute('aria-selected', String(orders));
    this.tabResults.setAttribute('aria-selected', String(!orders));
  }

  // ------------------------------------------------------------ issue cards

  card(issue) {
    const id = issue.id;
    const moves = this.model.view.moves;
    const groups = GROUPS.map(([approach, title]) => {
      const inGroup = moves.filter(mv => (APPROACH[mv] || 'neither') === approach);
      return inGroup.length ? el('fieldset', { class: 'moves' },
        el('legend', {}, title),
        inGroup.map(mv => el('label', { class: `move ${approach}`, title: MOVE_TEXT[mv] || mv },
          el('input', { type: 'radio', name: `move-${id}`, value: mv, id: `move-${id}-${mv}`,
            onchange: () => this.chose(id, mv), onkeydown: e => { if (e.key.startsWith('Arrow')) this.keyed = Date.now(); } }),
          el('span', {}, label(mv))))) : null;
    });
    const argument = el('textarea', { id: `arg-${id}`, rows: 2, maxlength: 2000,
      placeholder: 'The action and up to three reasons', oninput: () => this.typed(id), onblur: () => this.flush(id) });
    // What was typed and not yet saved survives a reload; it is sent once the console is live again.
    const kept = this.unsent.get(`arg-${id}`);
    if (kept !== null) { argument.value = kept; this.dirty.add(id); }
    const redLine = el('input', { type: 'checkbox', id: `red-${id}`, onchange: () => this.sendLine(id, {}) });
    const core = (issue.coreFor || []);
    const node = el('article', { class: 'card', id: `card-${id}`, 'data-issue': id, 'aria-labelledby': `card-${id}-h` },
      el('header', {}, el('h3', { id: `card-${id}-h` }, issue.name), el('span', { class: 'card-status', id: `status-${id}` })),
      el('div', { class: 'row' },
        core.map(s => el('span', { class: `tag side-${s}` }, `core for ${sideLabel(this.model, s)}`)),
        issue.sharedInterest ? el('span', { class: 'tag' }, 'shared interest') : null),
      issue.description ? el('p', { class: 'desc' }, issue.description) : null,
      groups,
      el('div', { class: 'withheld', id: `withheld-${id}`, hidden: true }),
      el('div', { class: 'field' }, el('label', { for: `arg-${id}` }, 'Argument'), argument),
      el('div', { class: 'row' },
        el('label', { class: 'check grow', for: `red-${id}` }, redLine, 'Declare a red line'),
        el('button', { type: 'button', class: 'small', id: `clear-${id}`, onclick: () => this.sendLine(id, { move: null }) }, 'Clear')),
      el('div', { class: 'changed', id: `changed-${id}`, 'aria-live': 'polite' }),
      el('div', { class: 'card-error error-text', id: `error-${id}`, role: 'alert' }));
    this.cards.set(id, { node, argument, redLine, radios: [...node.querySelectorAll('input[type=radio]')] });
    return node;
  }

  /**
   * A move chosen. Arrow keys walk through the radios one step at a time: the team's shared draft
   * gets only the move the player stops on, not every step on the way.
   */
  chose(issueId, move) {
    clearTimeout(this.timers.get(`move-${issueId}`));
    if (Date.now() - this.keyed > 250) { this.sendLine(issueId, { move }); return; }
    this.pending.set(issueId, (this.pending.get(issueId) || 0) + 1);
    this.timers.set(`move-${issueId}`, setTimeout(() => {
      this.pending.set(issueId, this.pending.get(issueId) - 1);
      this.sendLine(issueId, { move });
    }, 900));
  }

  /** The console is live (again): arguments restored after a reload go to the shared draft now. */
  connected() {
    for (const issueId of [...this.dirty]) this.flush(issueId);
  }

  typed(issueId) {
    this.dirty.add(issueId);
    this.unsent.set(`arg-${issueId}`, this.cards.get(issueId).argument.value);
    clearTimeout(this.timers.get(issueId));
    this.timers.set(issueId, setTimeout(() => this.flush(issueId), 1200));
  }

  flush(issueId) {
    clearTimeout(this.timers.get(issueId));
    if (this.dirty.has(issueId)) this.sendLine(issueId, {});
  }

  async sendLine(issueId, { move }) {
    const card = this.cards.get(issueId);
    const current = this.model.drafts[this.side][issueId];
    const checked = card.radios.find(r => r.checked)?.value;
    const line = move === null
      ? { issueId, move: null, redLine: false, argument: '' }
      : { issueId, move: move || checked || current?.move || 'HOLD', redLine: card.redLine.checked, argument: card.argument.value };
    setText(document.getElementById(`error-${issueId}`), '');
    this.pending.set(issueId, (this.pending.get(issueId) || 0) + 1);
    try {
      await this.live.send('draft', line);
      if (move === null) card.argument.value = '';
      if (card.argument.value === line.argument) {
        this.dirty.delete(issueId);
        this.unsent.set(`arg-${issueId}`, null);
      }
    } catch (error) {
      setText(document.getElementById(`error-${issueId}`), explain(error));
      toast(explain(error), 'error');
    } finally {
      this.pending.set(issueId, this.pending.get(issueId) - 1);
      this.updateCards();
    }
  }

  updateCards() {
    const m = this.model;
    const draft = m.drafts[this.side];
    const editable = EDITABLE.includes(m.phase) && !m.sealed[this.side] && !m.ended && !document.body.classList.contains('stopped');
    const withheld = latest(m.sideStates[this.side])?.withheld || [];
    const pub = latest(m.publicStates);
    // Withheld the same way on every issue (a domestic constraint): said once above the cards.
    const signature = issueId => withheld.filter(o => !o.issueId || o.issueId === issueId).map(o => o.move).sort().join();
    const everywhere = withheld.length > 0 && m.view.issues.every(i => signature(i.id) === signature(m.view.issues[0].id));
    this.withheldAll.hidden = !everywhere;
    setText(this.withheldAll, everywhere ? withheldText(withheld.filter(o => !o.issueId || o.issueId === m.view.issues[0].id)) : '');
    for (const [issueId, card] of this.cards) {
      const entry = draft[issueId];
      const busy = (this.pending.get(issueId) || 0) > 0;
      const blocked = withheld.filter(o => !o.issueId || o.issueId === issueId);
      for (const radio of card.radios) {
        const refusal = blocked.find(o => o.move === radio.value);
        radio.disabled = !editable || !!refusal;
        radio.parentElement.classList.toggle('refused', !!refusal);
        radio.parentElement.title = refusal ? `Withheld: ${refusal.reason}` : (MOVE_TEXT[radio.value] || radio.value);
        if (!busy) radio.checked = entry?.move === radio.value;
      }
      const note = document.getElementById(`withheld-${issueId}`);
      note.hidden = !blocked.length || everywhere;
      setText(note, blocked.length && !everywhere ? withheldText(blocked) : '');
      card.argument.disabled = !editable;
      card.redLine.disabled = !editable;
      card.node.querySelector(`#clear-${CSS.escape(issueId)}`).disabled = !editable || !entry;
      // Never overwrite what the user is typing: the field follows the shared draft only when it
      // is not being edited here.
      const serverArgument = entry?.argument || '';
      if (!busy && !this.dirty.has(issueId) && document.activeElement !== card.argument && card.argument.value !== serverArgument) {
        card.argument.value = serverArgument;
      }
      if (!busy) card.redLine.checked = !!entry?.redLine;
      card.node.classList.toggle('has-move', !!entry && entry.move !== 'HOLD');
      const change = [...m.draftLog[this.side]].reverse().find(c => c.issueId === issueId);
      let text = entry?.by ? `Last changed by ${entry.by}` : '';
      if (change) text = `${change.name} · ${draftChangeText(m, change).replace(/^[^:]*: /, '')} · ${time(change.time)}`;
      if (this.dirty.has(issueId) && entry && change && change.playerId !== this.me && serverArgument !== card.argument.value) {
        text += ' — your argument edits are not saved yet';
      }
      setText(document.getElementById(`changed-${issueId}`), text);
      const status = pub?.issues?.find(i => i.id === issueId)?.status;
      const statusNode = document.getElementById(`status-${issueId}`);
      if (status && statusNode.dataset.status !== status) {
        statusNode.dataset.status = status;
        fill(statusNode, el('span', { class: `status status-${status}` }, label(status)));
      }
    }
  }

  updateSubmit() {
    const m = this.model;
    const lines = Object.values(m.drafts[this.side]).filter(e => e.move && e.move !== 'HOLD').length;
    const total = m.view.issues.length;
    const mine = m.submitted[this.side];
    const sealed = m.sealed[this.side];
    let state;
    if (m.phase === 'ENDED') state = 'The exercise has ended.';
    else if (sealed && m.defaulted[this.side]) state = `No orders were submitted in time: ${m.defaulted[this.side]}`;
    else if (sealed && mine && !mine.playerId) state = 'The orders phase closed: your team’s draft was sealed as its orders. They stay secret until Results.';
    else if (sealed) state = `Orders sealed${mine ? ` by ${mine.name}` : ''}. They stay secret until Results.`;
    else if (m.phase === 'ORDERS' && m.withdrawn[this.side]) state = `${m.withdrawn[this.side]} withdrew the sealed orders: draft and submit again (${lines} of ${total} issues have a move).`;
    else if (m.phase === 'ORDERS') state = `Orders phase: ${lines} of ${total} issues have a move; the rest play Hold.`;
    else if (m.phase === 'LOBBY') state = 'Waiting for the facilitator to start the exercise.';
    else if (EDITABLE.includes(m.phase)) state = `Drafting (${lines} of ${total} issues with a move). Orders can be submitted in the Orders phase.`;
    else state = `${label(m.phase)}: orders are closed for this turn.`;
    setText(this.submitState, state);
    this.submitBar.classList.toggle('sealed', sealed && !m.defaulted[this.side]);
    this.submitButton.disabled = m.phase !== 'ORDERS' || sealed || !!m.ended;
    // Sealed orders may be withdrawn until the deadline or the lock (which end the orders phase).
    this.unsealButton.hidden = !(m.phase === 'ORDERS' && sealed && !m.defaulted[this.side] && !m.ended);
    setText(document.getElementById('other-state'),
      `${sideLabel(m, this.other)}: ${m.sealed[this.other] ? 'orders sealed' : EDITABLE.includes(m.phase) ? 'still deciding' : '—'}`);
  }

  async submit() {
    for (const issueId of [...this.dirty]) this.flush(issueId);
    const m = this.model;
    const draft = m.drafts[this.side];
    const chosen = m.view.issues.filter(i => draft[i.id]?.move && draft[i.id].move !== 'HOLD' || draft[i.id]?.argument);
    const holding = m.view.issues.filter(i => !chosen.includes(i));
    const ok = await confirmDialog({
      title: `Seal ${sideLabel(m, this.side)}’s orders for the whole team?`,
      body: [el('p', {}, 'These become your team’s orders for this turn, for everyone on the team. They stay secret until Results.'),
        chosen.length ? el('table', { class: 'grid', id: 'confirm-moves' }, el('tbody', {}, chosen.map(i => el('tr', {},
          el('th', { scope: 'row' }, i.name),
          el('td', {}, el('b', {}, label(draft[i.id].move || 'HOLD')), draft[i.id].redLine ? ' · red line' : ''),
          el('td', { class: 'muted' }, draft[i.id].argument || '')))))
          : el('p', { id: 'confirm-moves' }, el('b', {}, 'No moves chosen: your team holds on every issue.')),
        holding.length && chosen.length ? el('p', { id: 'confirm-hold' }, el('b', {}, 'Hold'), ` on ${holding.length === 1 ? 'the other issue' : `the other ${holding.length} issues`}: `,
          holding.map(i => i.name).join(', '), '.') : null],
      confirm: 'Seal these orders', cancel: 'Keep drafting' });
    if (!ok) return;
    this.submitButton.disabled = true;
    try {
      await this.live.send('orders.submit', {});
      toast('Orders submitted and sealed.', 'ok');
    } catch (error) {
      toast(explain(error), 'error');
    } finally {
      this.updateSubmit();
    }
  }

  async unseal() {
    const m = this.model;
    const ok = await confirmDialog({
      title: `Withdraw ${sideLabel(m, this.side)}’s sealed orders?`,
      body: [el('p', {}, 'Your team can change the draft again and must submit it again. If nobody does, the draft is sealed as it stands when the orders phase closes.')],
      confirm: 'Withdraw the orders', cancel: 'Keep them sealed' });
    if (!ok) return;
    this.unsealButton.disabled = true;
    try {
      await this.live.send('orders.unseal', {});
      toast('Orders withdrawn: your team is drafting again.', 'ok');
    } catch (error) {
      toast(explain(error), 'error');
    } finally {
      this.unsealButton.disabled = false;
      this.updateSubmit();
    }
  }

  updateActivity() {
    const log = this.model.draftLog[this.side];
    fill(this.activity, log.length ? log.filter(c => c.what !== 'nothing').slice(-8).reverse().map(c => el('li', { class: 'system' },
      `${time(c.time)} ${c.name} · ${draftChangeText(this.model, c)}`))
      : el('li', { class: 'system' }, 'No changes to the draft this turn yet.'));
  }

  updateMembers() {
    const me = this.model.players.get(this.me);
    if (!me) {
      banner('The facilitator has removed you from this exercise. This console has stopped; ask the facilitator for a new code to rejoin.', true);
      this.live.stop();
      stopConsole();
      return;
    } else if (me.side && me.side !== this.side) {
      // Moved to the other team: its channels and draft are another console's.
      location.reload();
      return;
    }
    const team = [...this.model.players.values()].filter(p => p.role === 'PLAYER' && p.side === this.side);
    setText(this.members, `Team ${sideLabel(this.model, this.side)}: ${team.map(p => p.playerId === this.me ? `${p.name} (you)` : p.name).join(', ')}`);
  }

  // ------------------------------------------------------------ proposals

  proposalForm() {
    const issues = this.model.view.issues;
    const moves = this.model.view.moves;
    const select = (kind, issueId, who) => el('select', { id: `prop-${kind}-${issueId}`, 'aria-label': `${who} on ${issueNameOf(issues, issueId)}` },
      el('option', { value: '' }, `${who}: —`), moves.map(mv => el('option', { value: mv }, label(mv))));
    this.counterTo = null;
    this.counterNote = el('p', { class: 'muted', id: 'counter-note', hidden: true });
    const text = el('input', { type: 'text', id: 'prop-text', maxlength: 2000, 'aria-label': 'Proposal text', placeholder: 'What you propose, in a sentence' });
    const form = el('form', { id: 'proposal-form' },
      this.counterNote,
      el('div', { class: 'termgrid' },
        el('span', { class: 'head' }, 'We offer (our move)'), el('span', { class: 'head' }, 'We ask (their move)'),
        issues.map(i => [el('span', { class: 'term-issue' }, i.name), select('offer', i.id, 'We offer'), select('ask', i.id, 'We ask')])),
      el('div', { class: 'field' }, text),
      el('div', { class: 'row' },
        el('button', { type: 'submit', class: 'primary', id: 'prop-send' }, 'Send proposal'),
        el('button', { type: 'button', id: 'prop-cancel', onclick: () => this.resetProposal() }, 'Clear')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const offered = {}, requested = {};
      for (const i of issues) {
        const o = document.getElementById(`prop-offer-${i.id}`).value;
        const a = document.getElementById(`prop-ask-${i.id}`).value;
        if (o) offered[i.id] = o;
        if (a) requested[i.id] = a;
      }
      const body = this.counterTo
        ? { action: 'COUNTER', proposalId: this.counterTo, offered, requested, text: text.value }
        : { action: 'PROPOSE', offered, requested, text: text.value };
      try {
        await this.live.send('proposal', body);
        this.resetProposal();
        toast(body.action === 'COUNTER' ? 'Counter-proposal sent.' : 'Proposal sent.', 'ok');
      } catch (error) {
        toast(explain(error), 'error');
      }
    });
    this.proposalDetails = el('details', { class: 'new-proposal' }, el('summary', {}, 'Make a proposal'), form);
    return this.proposalDetails;
  }

  resetProposal() {
    this.counterTo = null;
    this.counterNote.hidden = true;
    for (const s of this.proposalDetails.querySelectorAll('select')) s.value = '';
    document.getElementById('prop-text').value = '';
  }

  counter(p) {
    this.counterTo = p.proposalId;
    this.counterNote.hidden = false;
    setText(this.counterNote, `Countering ${proposalName(p.proposalId)}: adjust the terms and send.`);
    for (const i of this.model.view.issues) {
      document.getElementById(`prop-offer-${i.id}`).value = p.requested?.[i.id] || '';
      document.getElementById(`prop-ask-${i.id}`).value = p.offered?.[i.id] || '';
    }
    this.proposalDetails.open = true;
    document.getElementById(`prop-offer-${this.model.view.issues[0].id}`).focus();
  }

  async answer(p, action) {
    try {
      await this.live.send('proposal', { action, proposalId: p.proposalId });
      toast(`${{ ACCEPT: 'Accepted', REJECT: 'Rejected' }[action]}: ${proposalName(p.proposalId)}.`, 'ok');
    } catch (error) {
      toast(explain(error), 'error');
    }
  }

  /** A team cannot offer a move it may not play: those options are disabled, with the reason. */
  updateOffers() {
    const withheld = latest(this.model.sideStates[this.side])?.withheld || [];
    for (const i of this.model.view.issues) {
      for (const option of document.getElementById(`prop-offer-${i.id}`).options) {
        const refusal = withheld.find(o => o.move === option.value && (!o.issueId || o.issueId === i.id));
        option.disabled = !!refusal;
        option.title = refusal ? `Withheld: ${refusal.reason}` : '';
        setText(option, option.value ? `${label(option.value)}${refusal ? ' (withheld)' : ''}` : option.textContent);
        if (refusal && option.selected) option.parentElement.value = '';
      }
    }
  }

  updateProposals() {
    const m = this.model;
    const list = [...m.proposals.values()].filter(p => p.turn === m.turn).reverse();
    const open = EDITABLE.includes(m.phase) && !m.ended;
    enableForm(this.proposalDetails, open);
    fill(this.proposalList, list.length ? list.map(p => {
      const theirs = p.from !== this.side;
      return el('div', { class: `proposal ${p.status}`, 'data-proposal': p.proposalId },
        el('div', { class: 'row' }, el('b', { class: `side-${p.from}` }, `${proposalName(p.proposalId)} from ${sideLabel(m, p.from)}`),
          p.name ? el('span', { class: 'muted' }, `(${p.name})`) : null, el('span', { class: 'grow' }),
          el('span', { class: 'tag' }, label(p.status))),
        p.counterTo ? el('div', { class: 'muted' }, `counters ${proposalName(p.counterTo)}`) : null,
        terms(m, `${sideLabel(m, p.from)} offers`, p.offered),
        terms(m, `${sideLabel(m, p.from)} asks`, p.requested),
        p.text ? el('div', { class: 'text' }, p.text) : null,
        theirs && p.status === 'OPEN' && open ? el('div', { class: 'row' },
          el('button', { type: 'button', class: 'small primary', onclick: () => this.answer(p, 'ACCEPT') }, 'Accept'),
          el('button', { type: 'button', class: 'small', onclick: () => this.answer(p, 'REJECT') }, 'Reject'),
          el('button', { type: 'button', class: 'small', onclick: () => this.counter(p) }, 'Counter…')) : null);
    }) : el('p', { class: 'muted' }, 'No proposals this turn.'));
  }

  // ------------------------------------------------------------ updates

  refused(error) {
    toast(explain(error), 'error');
  }

  update(changed) {
    const all = changed.has('all');
    const m = this.model;
    if (all || changed.has('picture')) updatePicture(m, this.side);
    if (all || changed.has('injects')) updateFeed(this.injects, m.injects, injectLine);
    if (all || changed.has('teamChat')) updateChat(this.teamChat, m.teamChat[this.side]);
    if (all || changed.has('diplomacy')) updateChat(this.diplomacy, m.diplomacy, e => diplomacyLine(m, e, this.me));
    if (all || changed.has('draft') || changed.has('options') || changed.has('phase') || changed.has('sealed') || changed.has('picture')) {
      this.updateCards();
      this.updateSubmit();
      this.updateActivity();
    }
    if (all || changed.has('players')) this.updateMembers();
    if (all || changed.has('options')) this.updateOffers();
    if (all || changed.has('ended') || changed.has('phase')) {
      enableForm(this.teamChat, !m.ended);
      enableForm(this.diplomacy.querySelector('.chat-form'), !m.ended);
    }
    if (all || changed.has('proposals') || changed.has('phase')) this.updateProposals();
    // The states after a turn arrive just behind its results: what changed is drawn again with them.
    if (all || changed.has('results') || (changed.has('picture') && m.results.length)) {
      this.debriefs.refresh(m.results);
      fill(this.resultsPanel, m.results.length ? [...m.results].reverse().map(r => resultsView(m, r, this.side, { account: this.debriefs.get(r.turn) }))
        : el('p', { class: 'muted' }, 'Results appear here after each turn is adjudicated.'));
      setText(this.tabResults, m.results.length ? `Results (${m.results.length})` : 'Results');
    }
    if (changed.has('phase') && !all) {
      if (m.phase === 'RESULTS' || m.phase === 'ENDED') this.tab('results');
      else if (m.phase === 'BRIEFING') this.tab('orders');
    }
    if (all && (m.phase === 'RESULTS' || m.phase === 'ENDED') && m.results.length) this.tab('results');
  }
}

function withheldText(blocked) {
  // The engine names the move at the end of each reason; said once for all of them.
  const reasons = [...new Set(blocked.map(o => String(o.reason || '').replace(new RegExp(`\\s*${o.move}\\.?$`), ' these moves')))];
  return `Withheld now: ${[...new Set(blocked.map(o => label(o.move)))].join(', ')}. ${reasons.join('; ')}.`;
}

function issueNameOf(issues, id) {
  return issues.find(i => i.id === id)?.name || id;
}

function terms(model, title, map) {
  const entries = Object.entries(map || {});
  if (!entries.length) return null;
  return el('div', { class: 'terms' }, el('b', {}, `${title}: `), entries.map(([issue, move], n) =>
    [n ? '; ' : '', `${issueName(model, issue)} — ${label(move)}`]));
}

function diplomacyLine(model, entry, me) {
  if (entry.proposal) {
    const p = model.proposals.get(entry.proposal);
    return el('li', { class: 'system' }, `${time(entry.time)} ${sideLabel(model, p?.from)} made proposal ${entry.proposal}${p?.counterTo ? ` (counter to ${p.counterTo})` : ''}`);
  }
  if (entry.answer) {
    const a = entry.answer;
    return el('li', { class: 'system' }, `${time(entry.time)} ${proposalName(a.proposalId)} ${label(a.answer).toLowerCase()} by ${sideLabel(model, a.by)}${a.name ? ` (${a.name})` : ''}`);
  }
  return chatLine(entry, me);
}

openExercise('PLAYER', view => ['public', 'diplomacy', `team.${view.you.side}`], (model, live) => new PlayerConsole(model, live))
  .catch(error => banner(`The console could not start: ${error.message}`, true));
