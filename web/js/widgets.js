// Parts shared by the consoles. Each is built once and then updated in place: lists grow by
// appending, numbers change their text, and no input element is ever rebuilt while it exists.
import { el, fill, setText, time, label, fmt, toast } from './dom.js';
import { lineChart } from './charts.js';
import { soundToggle } from './alerts.js';
import { plain, dealsView, changesView, accountDeals, accountIssue } from './debrief.js';
import { PHASES, SIDES, sideLabel, issueName, latest, secondsLeft } from './model.js';

// ---------------------------------------------------------------- top bar

export function topbar(role) {
  const phases = el('div', { class: 'phase-strip', role: 'list', 'aria-label': 'Phases' },
    PHASES.filter(p => p !== 'LOBBY' && p !== 'ENDED').map(p => el('span', { role: 'listitem', 'data-phase': p }, label(p))));
  const bar = el('header', { class: 'topbar' },
    el('a', { class: 'brand', href: 'index.html' }, 'Hotline'),
    el('h1', { class: 'title', id: 'title' }, ''),
    el('span', { class: 'who', id: 'who' }, role),
    el('span', { class: 'spacer' }),
    el('span', { class: 'turn', id: 'turn' }, ''),
    phases,
    el('span', { class: 'phase-now sr-only', id: 'phase-now', 'aria-live': 'polite' }, ''),
    el('span', { class: 'clock', id: 'clock', role: 'timer', 'aria-label': 'Time left in this phase' }, ''),
    el('span', { class: 'conn', id: 'conn', role: 'status', 'aria-live': 'polite' }, 'Connecting…'),
    soundToggle());
  return bar;
}

export function updateTopbar(model) {
  setText(document.getElementById('title'), model.view.title);
  setText(document.getElementById('turn'), model.turn ? `Turn ${model.turn} of ${model.view.turns}` : 'Not started');
  for (const span of document.querySelectorAll('.phase-strip span')) {
    span.classList.toggle('current', span.dataset.phase === model.phase);
    if (span.dataset.phase === model.phase) span.setAttribute('aria-current', 'step');
    else span.removeAttribute('aria-current');
  }
  const phaseText = model.phase === 'LOBBY' ? 'Lobby: waiting for the facilitator to start'
    : model.phase === 'ENDED' ? `Exercise ended${model.ended?.reason ? ': ' + model.ended.reason : ''}` : `Phase: ${label(model.phase)}`;
  setText(document.getElementById('phase-now'), phaseText);
  tickClock(model);
}

export function tickClock(model) {
  const clock = document.getElementById('clock');
  if (!clock) return;
  const left = secondsLeft(model);
  let text = '';
  if (model.phase === 'LOBBY') text = 'Lobby';
  else if (model.phase === 'ENDED') text = 'Ended';
  else if (left === null || left === undefined) text = 'no timer';
  else text = `${model.paused ? '❚❚ ' : ''}${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  setText(clock, text);
  clock.classList.toggle('idle', left === null || left === undefined);
  clock.classList.toggle('low', left !== null && left !== undefined && left <= 30 && !model.paused);
  clock.title = model.paused ? 'Clock paused' : left === null ? 'No deadline: the facilitator advances this phase' : 'Time left in this phase';
}

export function connStatus(state, detail) {
  const conn = document.getElementById('conn');
  if (!conn) return;
  conn.className = `conn ${state}`;
  setText(conn, detail);
}

/** A banner at the top of the page for states that need attention (ended, seat lost). */
export function banner(text, bad = false) {
  let node = document.getElementById('banner');
  if (!node) {
    node = el('div', { id: 'banner', class: 'banner', role: 'status' });
    document.querySelector('.topbar').after(node);
  }
  node.classList.toggle('bad', bad);
  setText(node, text);
  node.hidden = !text;
}

// ---------------------------------------------------------------- the picture

export function picturePanel(title = 'The picture') {
  return el('section', { class: 'panel', 'aria-labelledby': 'picture-h' },
    el('h2', { id: 'picture-h' }, title),
    el('div', { class: 'gauge' },
      el('span', { class: 'value', id: 'tension-value' }, '–'),
      el('div', {},
        el('div', { class: 'muted' }, 'Tension (0–100)'),
        el('div', { class: 'bar tension', role: 'img', id: 'tension-bar', 'aria-label': 'Tension' }, el('span')))),
    el('table', { class: 'grid', id: 'issue-status', 'aria-label': 'Issue status' }),
    el('div', { id: 'agreements' }),
    el('div', { id: 'own-state' }),
    el('div', { class: 'charts', id: 'charts' }));
}

export function updatePicture(model, side) {
  const pub = latest(model.publicStates);
  if (pub) {
    setText(document.getElementById('tension-value'), fmt(pub.tension, 1));
    const bar = document.getElementById('tension-bar');
    bar.firstChild.style.width = `${Math.max(0, Math.min(100, pub.tension))}%`;
    bar.setAttribute('aria-label', `Tension ${fmt(pub.tension, 1)} of 100`);
    fill(document.getElementById('issue-status'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Issue'), el('th', { scope: 'col' }, 'Status'))),
      el('tbody', {}, (pub.issues || []).map(i => el('tr', {},
        el('td', {}, issueName(model, i.id)), el('td', {}, statusTag(i.status))))));
    const agreements = (pub.agreements || []);
    fill(document.getElementById('agreements'), agreements.length
      ? [el('h4', { class: 'muted' }, 'Agreements'), el('ul', { class: 'feed' }, agreements.map(a => el('li', {},
        `${issueName(model, a.issueId)} — concluded turn ${a.concludedTurn}`, a.inForce ? ' (in force)' : ` (lapsed turn ${a.lapsedTurn})`,
        a.institutional ? ' · with institutions' : '')))]
      : el('p', { class: 'muted' }, 'No agreements yet.'));
  }
  if (side) {
    const own = latest(model.sideStates[side]);
    if (own) {
      const o = own.own || {};
      const rows = [['Domestic support', o.domesticSupport], ['Trust in the other side', o.trust],
        ['Threat perception', o.threatPerception], ['Burden', o.burden], ['Alliance cohesion', o.allianceCohesion],
        ['Perceived resolve of the other side', o.perceivedResolve], ['Strain', o.strain]]
        .filter(([, v]) => v !== undefined && v !== null);
      fill(document.getElementById('own-state'),
        el('h4', { class: 'muted' }, `${sideLabel(model, side)} only`),
        el('table', { class: 'kv' }, el('tbody', {}, rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, fmt(v))))),
          o.champion ? el('tr', {}, el('th', { scope: 'row' }, 'Champion'), el('td', {}, 'a leader is tied to outreach')) : null));
    }
  }
  updateCharts(model, side);
}

export function statusTag(status) {
  return el('span', { class: `status status-${status}` }, label(status));
}

// ---------------------------------------------------------------- charts

const charts = new Map();

function chart(model, key, title, turns, series) {
  const host = document.getElementById('charts');
  if (!host) return;
  const entry = charts.get(key);
  if (entry) entry.setData([turns, ...series.map(s => s.values)]);
  else charts.set(key, lineChart(host, { title, turns, series, lastTurn: model.turn }));
}

export function updateCharts(model, side) {
  if (model.publicStates.length) {
    chart(model, 'tension', 'Tension', model.publicStates.map(s => s.turn), [
      { label: 'Tension', stroke: 'series-tension', values: model.publicStates.map(s => s.tension) }]);
  }
  if (side && model.sideStates[side].length) {
    const states = model.sideStates[side];
    chart(model, 'own', `${sideLabel(model, side)}: support, trust, threat`, states.map(s => s.turn), [
      { label: 'Support', stroke: 'series-1', values: states.map(s => s.own?.domesticSupport ?? null) },
      { label: 'Trust', stroke: 'series-3', values: states.map(s => s.own?.trust ?? null) },
      { label: 'Threat', stroke: 'series-4', values: states.map(s => s.own?.threatPerception ?? null) }]);
  }
}

// ---------------------------------------------------------------- chat

/**
 * A chat panel. The text field is never touched by incoming messages, so a half-written message
 * survives any number of updates and reconnects.
 */
export function chatPanel({ id, title, send, me, placeholder, keep }) {
  const log = el('ol', { class: 'feed chat-log', id: `${id}-log`, 'aria-live': 'polite', 'aria-label': `${title} messages`, 'data-empty': 'No messages yet.' });
  const input = el('textarea', { id: `${id}-text`, rows: 1, maxlength: 2000, placeholder: placeholder || 'Message',
    'aria-label': `${title}: your message` });
  const button = el('button', { type: 'submit', class: 'primary' }, 'Send');
  const form = el('form', { class: 'chat-form' }, input, button);
  // A message typed and not yet sent survives a reload of the page.
  if (keep) {
    input.value = keep.get(id) || '';
    input.addEventListener('input', () => keep.set(id, input.value));
  }
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    button.disabled = true;
    try {
      await send(text);
      // Cleared only once the server has it: a refused message stays for the user to fix.
      if (input.value.trim() === text) {
        input.value = '';
        keep?.set(id, null);
      }
    } catch (error) {
      toast(explain(error), 'error');
    } finally {
      button.disabled = false;
    }
  });
  const panel = el('section', { class: 'panel chat', id, 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, title), log, send ? form : null);
  panel.me = me;
  return panel;
}

/** Enables or disables every control of a form or panel (e.g. after the exercise has ended). */
export function enableForm(node, enabled) {
  if (!node) return;
  for (const control of node.querySelectorAll('input, textarea, select, button')) control.disabled = !enabled;
  node.classList.toggle('closed', !enabled);
}

/**
 * Buttons that show one column of a console at a time; the stylesheet uses them only on narrow
 * screens (a tablet), where the columns would otherwise stack thousands of pixels deep.
 */
export function sectionTabs(main, columns) {
  const buttons = columns.map(([id, text]) => el('button', { type: 'button', role: 'tab', id: `show-${id}`, 'aria-controls': id,
    'aria-selected': String(main.dataset.show === id), onclick: () => {
      main.dataset.show = id;
      for (const b of buttons) b.setAttribute('aria-selected', String(b.id === `show-${id}`));
      window.scrollTo(0, 0);
    } }, text));
  return el('nav', { class: 'section-tabs tabs', role: 'tablist', 'aria-label': 'Parts of the console' }, buttons);
}

/** Appends the messages not yet shown. */
export function updateChat(panel, messages, render = chatLine) {
  updateFeed(panel.querySelector('ol.feed'), messages, m => render(m, panel.me));
}

/** Appends to a list the items not yet shown, keeping the view at the bottom if it was there. */
export function updateFeed(list, items, render) {
  const shown = list.shown || 0;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  for (let i = shown; i < items.length; i++) list.append(render(items[i]));
  list.shown = items.length;
  if (nearBottom) list.scrollTop = list.scrollHeight;
}

export function chatLine(m, me) {
  return el('li', { class: m.playerId && m.playerId === me ? 'mine' : '', 'data-seq': m.seq },
    el('div', { class: 'meta' }, el('span', { class: `who side-${m.side}` }, m.name), el('span', {}, time(m.time))),
    el('div', { class: 'text' }, m.text));
}

// ---------------------------------------------------------------- injects

export function injectLine(i) {
  return el('li', { class: 'inject' },
    el('div', { class: 'meta' }, el('span', { class: 'who' }, i.title || 'Inject'),
      el('span', {}, `turn ${i.turn}`), i.adHoc ? el('span', {}, 'ad hoc') : null),
    el('div', { class: 'text' }, i.text));
}

// ---------------------------------------------------------------- findings

let catalogue = null;

/**
 * The finding catalogue (ids to titles and texts): exercises/findings.yaml, which the build copies to
 * /data/findings.yaml. Only its simple shape is read: a list of entries with plain, quoted or folded
 * (">") values.
 */
export async function loadFindings() {
  if (catalogue) return catalogue;
  catalogue = new Map();
  try {
    const response = await fetch('/data/findings.yaml');
    if (response.ok) for (const f of parseFindings(await response.text())) catalogue.set(f.id, f);
  } catch {
    // Without the catalogue the ids are still shown, unexpanded.
  }
  return catalogue;
}

export function parseFindings(yaml) {
  const entries = [];
  let entry = null;
  let folding = null;
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const item = line.match(/^\s*- id:\s*(.+)$/);
    const field = line.match(/^\s{4}([A-Za-z]+):\s*(.*)$/);
    if (item) {
      entry = { id: unquote(item[1]) };
      entries.push(entry);
      folding = null;
    } else if (entry && field) {
      folding = field[2] === '>' || field[2] === '|' ? field[1] : null;
      entry[field[1]] = folding ? '' : unquote(field[2]);
    } else if (entry && folding && /^\s{6,}\S/.test(line)) {
      entry[folding] = `${entry[folding]} ${line.trim()}`.trim();
    } else if (!line.trim() || line.trim().startsWith('#')) {
      continue;
    } else {
      folding = null;
    }
  }
  return entries;
}

function unquote(value) {
  const v = value.trim();
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replaceAll("''", "'");
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
  return v;
}

export function findingIds(text) {
  return [...new Set(String(text || '').match(/\b(CS\d|[BKMFR]\d)\b/g) || [])];
}

export function findingChips(ids) {
  if (!ids.length) return null;
  return el('div', { class: 'findings', 'aria-label': 'Findings cited' }, ids.map(id => {
    const f = catalogue?.get(id);
    return el('details', { class: 'finding' },
      el('summary', {}, f ? `${id} · ${f.title}` : id),
      el('p', {}, f ? f.text : 'The server did not provide the text of this finding.'),
      f?.citation ? el('p', { class: 'muted' }, f.citation) : null);
  }));
}

// ---------------------------------------------------------------- results

/**
 * One turn's results. `compact` (the room's screen) shows only the issues where a move was made or the
 * status changed, and names the others in one line.
 */
export function resultsView(model, result, side, { compact = false, account = null } = {}) {
  const previous = model.publicStates.filter(s => s.turn < result.turn).pop();
  const now = model.publicStates.find(s => s.turn === result.turn);
  const orders = result.orders || {};
  const moved = i => i.before !== i.after || (i.washingtonMove && i.washingtonMove !== 'HOLD') || (i.moscowMove && i.moscowMove !== 'HOLD');
  const issues = (result.issues || []).filter(i => !compact || moved(i));
  const quiet = compact ? (result.issues || []).filter(i => !moved(i)) : [];
  const summary = plain(result.summary);
  return el('article', { class: 'results-turn', 'aria-label': `Results of turn ${result.turn}` },
    el('h3', {}, `Turn ${result.turn} results`, result.decidedBy === 'FACILITATOR' ? el('small', {}, ' · reviewed by the facilitator') : null),
    el('p', { class: 'summary' }, summary.words),
    findingChips(summary.ids),
    // A team's own debrief (from the server) says what changed for it and why; without it, the public account.
    account ? changesView(account) : whatChanged(model, previous, now, result, side),
    account ? accountDeals(account) : dealsView(model, result),
    issues.map(i => {
      const w = orders.WASHINGTON?.[i.issueId] || { move: i.washingtonMove };
      const m = orders.MOSCOW?.[i.issueId] || { move: i.moscowMove };
      const narrative = accountIssue(account, i.issueId) || plain(result.byIssue?.[i.issueId]);
      return el('section', { class: 'outcome', 'data-issue': i.issueId },
        el('header', { class: 'row' }, el('h4', { class: 'grow' }, issueName(model, i.issueId)),
          statusTag(i.before), '→', statusTag(i.after)),
        el('div', { class: 'moves-line' },
          [['WASHINGTON', w, i.washingtonMove], ['MOSCOW', m, i.moscowMove]].map(([s, order, move]) => el('div', {},
            el('span', { class: `side-${s}` }, sideLabel(model, s), ': '), el('b', {}, label(order.move || move || 'HOLD')),
            order.redLine ? el('span', { class: 'tag' }, ' red line') : null,
            order.argument ? el('div', { class: 'argument' }, order.argument) : null))),
        el('p', {}, narrative.words),
        // An amended or overridden turn: the facilitator's own account of the issue stands beside the team's debrief.
        account?.decision === 'EDIT' || account?.decision === 'OVERRIDE'
          ? el('p', { class: 'facilitator-account' }, el('b', {}, 'The facilitator: '), plain(result.byIssue?.[i.issueId]).words) : null,
        findingChips(narrative.ids));
    }),
    quiet.length ? el('p', { class: 'unchanged' }, `Both held, no change: ${quiet.map(i => issueName(model, i.issueId)).join(', ')}.`) : null);
}

function whatChanged(model, previous, now, result, side) {
  const rows = [];
  const tension = result.tension ?? now?.tension;
  // [label, before, after, whether a rise is bad news]
  if (previous && tension !== undefined) rows.push(['Tension', previous.tension, tension, true]);
  if (side) {
    const states = model.sideStates[side];
    const before = states.filter(s => s.turn < result.turn).pop()?.own;
    const after = states.find(s => s.turn === result.turn)?.own;
    if (before && after) {
      for (const [key, name, riseIsBad] of [['domesticSupport', 'Our domestic support', false], ['trust', 'Our trust in them', false],
        ['threatPerception', 'Our threat perception', true]]) {
        if (before[key] !== after[key]) rows.push([name, before[key], after[key], riseIsBad]);
      }
    }
  }
  const newAgreements = (result.agreements || []).filter(a => a.concludedTurn === result.turn);
  if (!rows.length && !newAgreements.length) return null;
  return el('div', { class: 'panel', 'aria-label': 'What changed' },
    el('h2', {}, 'What changed'),
    el('table', { class: 'kv' }, el('tbody', {}, rows.map(([k, a, b, riseIsBad]) => el('tr', {}, el('th', { scope: 'row' }, k),
      el('td', { class: Math.abs(b - a) < 0.05 ? '' : (b > a) === riseIsBad ? 'delta-bad' : 'delta-good' }, `${fmt(a, 1)} → ${fmt(b, 1)}`))))),
    newAgreements.map(a => el('p', {}, `New agreement: ${issueName(model, a.issueId)}`)));
}

// ---------------------------------------------------------------- errors

const CODES = {
  WRONG_PHASE: 'Not possible in this phase',
  MOVE_WITHHELD: 'Move withheld',
  SEALED: 'Orders already sealed',
  FORBIDDEN: 'Not allowed',
  RATE_LIMITED: 'Slow down',
  INVALID: 'Check the input',
  TOO_LARGE: 'Too long',
};

/** A refusal as a sentence the user can act on. */
export function explain(error) {
  if (!error) return 'Something went wrong.';
  const head = CODES[error.code];
  return head ? `${head}: ${error.message}` : (error.message || String(error));
}

export { SIDES };
