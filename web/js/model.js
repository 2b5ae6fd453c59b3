// What a page knows about an exercise: the REST view (scenario, issues, seats) plus every event it
// has applied, in sequence order. apply() reports which parts changed so a page redraws only those.
import { EVENT } from './events.js';

export const SIDES = ['WASHINGTON', 'MOSCOW'];
export const PHASES = ['LOBBY', 'BRIEFING', 'DELIBERATION', 'ORDERS', 'ADJUDICATION', 'RESULTS', 'ENDED'];
export const APPROACH = {
  BUILDUP: 'hardline', FORCE: 'hardline', PRESS: 'hardline',
  NEGOTIATE: 'less-hardline', CONCEDE: 'less-hardline', ALLY_OUTREACH: 'less-hardline',
  DRAWDOWN: 'less-hardline', ACQUIESCE: 'less-hardline', HOLD: 'neither',
};
export const MOVE_TEXT = {
  BUILDUP: 'Raise force levels to coerce or intimidate',
  FORCE: 'Use force against the rival or its proxies',
  PRESS: 'Pursue advantage regardless of the rival’s interests',
  NEGOTIATE: 'Negotiate to resolve or manage the conflict of interest',
  CONCEDE: 'Make a unilateral concession',
  ALLY_OUTREACH: 'Urge allies to negotiate or meet the rival’s concerns',
  DRAWDOWN: 'Reduce forces near the rival or in the contested area',
  ACQUIESCE: 'Accept the rival’s action in a shared area',
  HOLD: 'Keep the present posture',
};

// Plain names for the engine's variables (docs/scenarios.md, "Variable paths"): nobody in the room
// should read `domesticSupport` or `chinaAlignment`.
export const VARIABLES = {
  tension: 'Tension', trust: 'Trust', threatPerception: 'Threat perception', domesticSupport: 'Domestic support',
  perceivedResolve: 'Perceived resolve', strain: 'Strain', burden: 'Burden', allianceCohesion: 'Alliance cohesion',
  champion: 'Champion of outreach', chinaAlignment: 'Alignment with China', trendsAgainstWeaker: 'Trends against the weaker side',
  powerRatio: 'Power ratio', revisionism: 'Revisionism', spoilerRisk: 'Risk of spoilers', balance: 'Balance', status: 'Status',
  lapse: 'Lapse',
};
export const SIDE_FIELDS = ['trust', 'threatPerception', 'domesticSupport', 'perceivedResolve', 'strain', 'burden', 'allianceCohesion', 'champion'];
export const CONTEXT_FIELDS = ['chinaAlignment', 'trendsAgainstWeaker', 'powerRatio', 'revisionism', 'spoilerRisk'];

/** A variable key or path in words: "moscow.trust" → "St Petersburg: trust", "issue.ukraine.balance" → "Ukraine: balance". */
export function variableName(path, sides = {}, issues = []) {
  const parts = String(path || '').split('.');
  const word = key => VARIABLES[key] || String(key).replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^./, c => c.toUpperCase());
  if (parts.length === 1) return word(parts[0]);
  const lower = key => word(key).replace(/^./, c => c.toLowerCase());
  if (parts[0] === 'washington' || parts[0] === 'moscow') return `${sides[parts[0].toUpperCase()] || word(parts[0])}: ${lower(parts[1])}`;
  if (parts[0] === 'context') return word(parts[1]);
  if (parts[0] === 'issue' || parts[0] === 'agreement') {
    const name = issues.find(i => i.id === parts[1])?.name || parts[1];
    return `${parts[0] === 'agreement' ? 'Agreement on ' : ''}${name}: ${lower(parts[2])}`;
  }
  return parts.map(word).join(' ');
}

/** A variable mid-sentence: "moscow.strain" → "Moscow’s strain", "tension" → "tension", "issue.ukraine.balance" → "Ukraine’s balance". */
export function variableSubject(path, sides = {}, issues = []) {
  const parts = String(path || '').split('.');
  const lower = key => variableName(key).replace(/^./, c => c.toLowerCase());
  if (parts[0] === 'washington' || parts[0] === 'moscow') return `${sides[parts[0].toUpperCase()] || variableName(parts[0])}’s ${lower(parts[1])}`;
  if (parts[0] === 'issue' && parts.length === 3) return `${issues.find(i => i.id === parts[1])?.name || parts[1]}’s ${lower(parts[2])}`;
  return lower(parts[parts.length - 1]);
}

/** When a triggered inject is released, in words: "Moscow’s strain is above 90". */
export function triggerText(inject, sides = {}, issues = []) {
  const over = String(inject.comparison).toUpperCase() === 'ABOVE';
  return `${variableSubject(inject.variable, sides, issues)} is ${over ? 'above' : 'below'} ${Number(inject.value).toFixed(Number.isInteger(inject.value) ? 0 : 1)}`;
}

/**
 * Why a whole state was recorded, in words: "after the inject “Congress revolts”", not "inject adhoc-71".
 * @param injectTitle the title of an inject by its id (null when unknown)
 */
export function stateReason(reason, injectTitle) {
  const text = String(reason || '');
  const inject = text.match(/^inject (\S+)$/);
  if (!inject) return text;
  const title = injectTitle(inject[1]);
  return title ? `after the inject “${title}”` : 'after an inject';
}

/** Engine text with its variable paths and move names in words: "washington.trust 24.98 -> 23.93" → "Washington: trust 24.98 → 23.93". */
export function plainPaths(text, sides = {}, issues = []) {
  return String(text || '').replace(/\b(washington|moscow|context|issue|agreement)\.([A-Za-z0-9-]+)(?:\.([A-Za-z]+))?\b/g,
    path => variableName(path, sides, issues)).replaceAll(' -> ', ' → ')
    .replace(/\b(BUILDUP|FORCE|PRESS|NEGOTIATE|CONCEDE|ALLY_OUTREACH|DRAWDOWN|ACQUIESCE|HOLD)\b/g,
      move => move.replaceAll('_', ' ').toLowerCase().replace(/^./, c => c.toUpperCase()));
}

/** Every path an inject or an edit may change, with its plain name, for suggestion lists. */
export function variablePaths(view) {
  const sides = view.sides || {};
  const paths = [['tension', 'Tension']];
  for (const side of ['washington', 'moscow']) for (const f of SIDE_FIELDS) paths.push([`${side}.${f}`, variableName(`${side}.${f}`, sides)]);
  for (const f of CONTEXT_FIELDS) paths.push([`context.${f}`, variableName(f)]);
  for (const i of view.issues || []) for (const f of ['balance', 'status']) paths.push([`issue.${i.id}.${f}`, variableName(`issue.${i.id}.${f}`, sides, view.issues)]);
  return paths;
}

export function createModel(view) {
  return {
    view,
    phase: view.phase,
    turn: view.turn,
    deadline: view.deadline ? Date.parse(view.deadline) : null,
    paused: view.paused,
    remainingSeconds: view.remainingSeconds,
    players: new Map((view.players || []).map(p => [p.playerId, p])),
    injects: [],
    publicStates: [],   // [{turn, tension, issues, agreements, conflict}]
    sideStates: { WASHINGTON: [], MOSCOW: [] },
    drafts: { WASHINGTON: {}, MOSCOW: {} },
    draftLog: { WASHINGTON: [], MOSCOW: [] },
    submitted: { WASHINGTON: null, MOSCOW: null },
    sealed: { WASHINGTON: false, MOSCOW: false },
    withdrawn: { WASHINGTON: null, MOSCOW: null },   // who last withdrew the team's sealed orders this turn
    defaulted: { WASHINGTON: null, MOSCOW: null },
    teamChat: { WASHINGTON: [], MOSCOW: [] },
    diplomacy: [],
    proposals: new Map(),
    results: [],
    fullStates: [],
    drafted: null,
    draftEffects: null,   // the last draft's effects, which the STATE_FULL of its results leaves out
    draftAfter: null,     // the last draft's state after, which a STATE_FULL with that state leaves out
    decided: null,
    ratings: [],
    notes: [],
    ended: null,
  };
}

export function sideLabel(model, side) {
  return model.view.sides?.[side] || side;
}

export function issueName(model, issueId) {
  return model.view.issues.find(i => i.id === issueId)?.name || issueId;
}

export function latest(list) {
  return list.length ? list[list.length - 1] : null;
}

/** Applies events in order; returns the set of parts that changed. */
export function apply(model, events) {
  const changed = new Set();
  for (const e of events) {
    const p = e.payload || {};
    switch (e.type) {
      case EVENT.PLAYER_JOINED:
      case EVENT.PLAYER_MOVED:
        model.players.set(p.playerId, { playerId: p.playerId, name: p.name, role: p.role ?? model.players.get(p.playerId)?.role, side: p.side });
        changed.add('players');
        break;
      case EVENT.PLAYER_REMOVED:
        model.players.delete(p.playerId);
        changed.add('players').add('removed');
        break;
      case EVENT.PHASE_CHANGED:
        if (p.turn !== model.turn) newTurn(model);
        model.phase = p.phase;
        model.turn = p.turn;
        clock(model, p, e);
        if (p.phase === 'ADJUDICATION') { model.drafted = null; model.decided = null; }
        changed.add('phase').add('clock').add('draft').add('proposals').add('sealed');
        break;
      case EVENT.CLOCK_CHANGED:
        clock(model, p, e);
        changed.add('clock');
        break;
      case EVENT.INJECT_RELEASED:
        model.injects.push({ seq: e.seq, turn: e.turn, time: e.time, ...p });
        changed.add('injects');
        break;
      // A public or team view leaves out what is unchanged since the previous one on its channel
      // (docs/protocol.md section 5): those parts are the last view's. Older logs carry whole views.
      case EVENT.STATE_PUBLIC:
        replaceTurn(model.publicStates, { ...latest(model.publicStates), ...p, turn: e.turn });
        changed.add('picture');
        break;
      case EVENT.STATE_SIDE: {
        const last = latest(model.sideStates[p.side]);
        const moves = p.options || p.withheld;
        replaceTurn(model.sideStates[p.side], { turn: e.turn, own: p.own ?? last?.own,
          withheld: moves ? oneMoveEach(moves).filter(o => o.allowed === false) : last?.withheld ?? [] });
        changed.add('picture').add('options');
        break;
      }
      // The facilitator's whole state is logged as changes from the previous one (a JSON merge patch),
      // with neither when it is the last draft's state after, and its effects left out when they are the
      // last draft's (the results of an approved draft); older logs carry it whole.
      case EVENT.STATE_FULL: {
        const state = p.state ?? (p.changes ? merged(latest(model.fullStates)?.state, p.changes) : model.draftAfter);
        replaceTurn(model.fullStates, { turn: e.turn, state, effects: p.effects ?? model.draftEffects ?? [], reason: p.reason });
        changed.add('full');
        break;
      }
      case EVENT.CHAT_TEAM:
        model.teamChat[p.side].push({ seq: e.seq, time: e.time, ...p });
        changed.add('teamChat');
        break;
      case EVENT.CHAT_DIPLOMACY:
        model.diplomacy.push({ seq: e.seq, time: e.time, ...p });
        changed.add('diplomacy');
        break;
      case EVENT.DRAFT_CHANGED: {
        const issueId = p.change?.issueId;
        const before = model.drafts[p.side][issueId];
        // The event carries the changed line (none when removed); logs written earlier carry the whole draft.
        const draft = { ...(p.draft || model.drafts[p.side]) };
        if (!p.draft) {
          if (p.line) draft[issueId] = p.line;
          else delete draft[issueId];
        }
        model.drafts[p.side] = draft;
        const after = draft[issueId];
        model.draftLog[p.side].push({ seq: e.seq, time: e.time, name: p.name, playerId: p.playerId, ...p.change, what: draftChange(before, after) });
        changed.add('draft');
        break;
      }
      case EVENT.ORDERS_SUBMITTED:
        model.submitted[p.side] = { name: p.name, playerId: p.playerId, orders: p.orders };
        model.sealed[p.side] = true;
        changed.add('sealed').add('draft');
        break;
      case EVENT.ORDERS_SEALED:
        model.sealed[p.side] = true;
        changed.add('sealed');
        break;
      case EVENT.ORDERS_UNSEALED:
        // Withdrawn: the team drafts again; who withdrew stays in the log and the facilitator's timeline.
        model.sealed[p.side] = false;
        model.submitted[p.side] = null;
        model.withdrawn[p.side] = p.name;
        changed.add('sealed').add('draft');
        break;
      case EVENT.ORDERS_DEFAULTED:
        model.sealed[p.side] = true;
        model.defaulted[p.side] = p.reason || 'no orders: HOLD on every issue';
        changed.add('sealed');
        break;
      case EVENT.PROPOSAL_MADE:
        model.proposals.set(p.proposalId, { seq: e.seq, turn: e.turn, time: e.time, status: 'OPEN', ...p });
        model.diplomacy.push({ seq: e.seq, time: e.time, proposal: p.proposalId });
        changed.add('proposals').add('diplomacy');
        break;
      case EVENT.PROPOSAL_ANSWERED: {
        const proposal = model.proposals.get(p.proposalId);
        if (proposal) { proposal.status = p.answer; proposal.answeredBy = p.by; }
        model.diplomacy.push({ seq: e.seq, time: e.time, answer: p });
        changed.add('proposals').add('diplomacy');
        break;
      }
      case EVENT.ARGUMENT_RATED:
        model.ratings.push({ turn: e.turn, ...p });
        changed.add('review');
        break;
      // The draft leaves out the state before (the last whole state) and gives the state after as changes
      // from it; a move as read is there only when misread, an effect's value before only when it does not
      // follow from the previous effect on its variable, a run of dice at the same odds is one entry.
      case EVENT.ADJUDICATION_DRAFTED: {
        const o = p.outcome || {};
        const before = o.before ?? latest(model.fullStates)?.state;
        const outcome = { ...o, before, after: o.before ? o.after : merged(before, p.changes),
          effects: chained(rows(o.effects)),
          issues: (o.issues || []).map(i => ({ washingtonMoveAsReadByMoscow: i.washingtonMove, moscowMoveAsReadByWashington: i.moscowMove, ...i })),
          rolls: (o.rolls || []).flatMap(r => r.issueIds
            ? r.issueIds.map((issueId, n) => ({ purpose: r.purpose, issueId, odds: r.odds, draw: r.draws[n], success: r.successes[n], findings: r.findings }))
            : [r]) };
        model.drafted = { turn: e.turn, ...p, outcome };
        model.draftEffects = outcome.effects;
        model.draftAfter = outcome.after;
        changed.add('review');
        break;
      }
      case EVENT.ADJUDICATION_DECIDED:
        model.decided = { turn: e.turn, ...p };
        changed.add('review');
        break;
      case EVENT.RESULTS_PUBLISHED:
        model.results.push({ seq: e.seq, ...p });
        changed.add('results');
        break;
      case EVENT.NOTE_ADDED:
        model.notes.push({ seq: e.seq, turn: e.turn, phase: e.phase, time: e.time, actor: e.actor, ...p });
        changed.add('notes');
        break;
      case EVENT.EXERCISE_ENDED:
        model.ended = p;
        changed.add('ended').add('phase');
        break;
      default:
        break;
    }
  }
  return changed;
}

/** A draft's effects, written as columns (one list per field), as one object each; older logs wrote them so. */
function rows(effects) {
  if (!effects || Array.isArray(effects)) return effects || [];
  return effects.variable.map((variable, i) => {
    const row = { variable, after: effects.after[i], reason: effects.reason[i], findings: effects.findings[i], issueId: effects.issueId[i] };
    if (effects.before[i] !== null) row.before = effects.before[i];
    return row;
  });
}

/** A draft's effects with each value before: when left out, the value after of the previous effect on that variable. */
function chained(effects) {
  const last = {};
  return effects.map(e => {
    const whole = { issueId: null, ...e, before: 'before' in e ? e.before : last[e.variable] };
    last[e.variable] = e.after;
    return whole;
  });
}

/** A JSON merge patch (RFC 7386) written over a copy of base: objects merge member by member, anything else is replaced. */
function merged(base, changes) {
  const object = v => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!object(base) || !object(changes)) return changes;
  const out = { ...base };
  for (const [key, value] of Object.entries(changes)) out[key] = merged(base[key], value);
  return out;
}

/** Withheld moves one issue per entry: an entry holds the issues where one move is withheld for one reason (issueIds); older logs one issueId. */
function oneMoveEach(entries) {
  return entries.flatMap(o => o.issueIds
    ? o.issueIds.map(issueId => ({ issueId, move: o.move, allowed: o.allowed, reason: o.reason, findings: o.findings }))
    : [o]);
}

/** What one draft change did to a line, for "who changed what": the move, the argument, the red line. */
function draftChange(before, after) {
  if (!after || !after.move) return before ? 'cleared' : 'nothing';
  if (!before || before.move !== after.move) return 'move';
  if (!!before.redLine !== !!after.redLine) return after.redLine ? 'red line declared' : 'red line withdrawn';
  if ((before.argument || '') !== (after.argument || '')) return 'argument';
  return 'nothing';
}

/** A draft change in words: "Ukraine: Press (was Negotiate)", "Ukraine: edited the argument". */
export function draftChangeText(model, c) {
  const issue = issueName(model, c.issueId);
  switch (c.what) {
    case 'cleared': return `${issue}: cleared`;
    case 'argument': return `${issue}: edited the argument`;
    case 'red line declared': return `${issue}: declared a red line`;
    case 'red line withdrawn': return `${issue}: withdrew the red line`;
    case 'nothing': return `${issue}: saved, unchanged`;
    default: return `${issue}: ${word(c.move)}${c.previous && c.previous !== c.move ? ` (was ${word(c.previous)})` : ''}`;
  }
}

function word(move) {
  return String(move || '').replaceAll('_', ' ').toLowerCase().replace(/^./, ch => ch.toUpperCase());
}

function newTurn(model) {
  model.drafts = { WASHINGTON: {}, MOSCOW: {} };
  model.draftLog = { WASHINGTON: [], MOSCOW: [] };
  model.submitted = { WASHINGTON: null, MOSCOW: null };
  model.sealed = { WASHINGTON: false, MOSCOW: false };
  model.withdrawn = { WASHINGTON: null, MOSCOW: null };
  model.defaulted = { WASHINGTON: null, MOSCOW: null };
}

function clock(model, p, e) {
  model.paused = !!p.paused;
  model.remainingSeconds = p.remainingSeconds ?? null;
  model.deadline = p.deadline ? Date.parse(p.deadline) : null;
}

/** Several states may be published for one turn (an inject, the results): keep the last per turn. */
function replaceTurn(list, entry) {
  const last = latest(list);
  if (last && last.turn === entry.turn) list[list.length - 1] = entry;
  else list.push(entry);
}

/** Seconds left in the phase, or null when there is no deadline. */
export function secondsLeft(model) {
  if (model.paused) return model.remainingSeconds;
  if (!model.deadline) return null;
  return Math.max(0, Math.round((model.deadline - Date.now()) / 1000));
}

export function openProposals(model) {
  return [...model.proposals.values()].filter(p => p.status === 'OPEN' && p.turn === model.turn);
}
