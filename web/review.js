// The after-action review (docs/protocol.md section 7): timeline, turn-by-turn replay with charts,
// decision log, agreements, transcripts, notes, history, the report, exports and branching. The
// server decides who may see it; this page only shows what the server returns.
import uPlot from 'uplot';
import { el, fill, setText, param, label, fmt, toast } from './js/dom.js';
import { request, account, seats } from './js/api.js';

const exerciseId = param('x');
const main = el('main', { class: 'review-main', id: 'review' });
const who = el('span', { class: 'who', id: 'who' });
const title = el('h1', { class: 'title', id: 'review-title' }, 'After-action review');
document.body.append(el('header', { class: 'topbar' }, el('a', { class: 'brand', href: '/' }, 'Hotline'), title,
  el('span', { class: 'spacer' }), who), main);

const SIDES = ['WASHINGTON', 'MOSCOW'];
const state = { review: null, turn: 0, plots: [], token: null };

function token() {
  return account.get()?.token || (exerciseId && seats.get(exerciseId)?.token) || null;
}

// ---------------------------------------------------------------- start

async function start() {
  state.token = token();
  if (!state.token) return signIn('Sign in with a facilitator or analyst account to open reviews.');
  try {
    if (!exerciseId) return list(await request('GET', '/api/reviews', undefined, state.token));
    state.review = await request('GET', `/api/reviews/${encodeURIComponent(exerciseId)}`, undefined, state.token);
  } catch (error) {
    if (error.status === 401) return signIn('Your sign-in has expired.');
    fill(main, el('section', { id: 'refused' }, el('h2', {}, 'Review not available'), el('p', { role: 'alert' }, error.message)));
    return;
  }
  render();
}

function signIn(reason) {
  const user = el('input', { type: 'text', id: 'review-user', autocomplete: 'username', required: true });
  const pass = el('input', { type: 'password', id: 'review-pass', autocomplete: 'current-password', required: true });
  const error = el('p', { class: 'error-text', role: 'alert' });
  const form = el('form', { id: 'review-signin', class: 'signin' },
    el('p', {}, reason),
    el('div', { class: 'field' }, el('label', { for: 'review-user' }, 'Username'), user),
    el('div', { class: 'field' }, el('label', { for: 'review-pass' }, 'Password'), pass),
    error, el('button', { type: 'submit', class: 'primary', id: 'review-signin-button' }, 'Sign in'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const session = await request('POST', '/api/login', { username: user.value.trim(), password: pass.value });
      account.set({ token: session.token, username: session.username });
      start();
    } catch (err) {
      setText(error, err.message);
    }
  });
  fill(main, el('section', {}, el('h2', {}, 'Sign in'), form));
}

function list(reviews) {
  fill(main, el('section', { id: 'review-list' }, el('h2', {}, 'Reviews you may open'),
    reviews.length ? el('table', {}, el('thead', {}, el('tr', {}, ['Exercise', 'Scenario', 'Phase', 'Turn', 'Released']
      .map(h => el('th', {}, h)))), el('tbody', {}, reviews.map(r => el('tr', {},
      el('td', {}, el('a', { href: `review.html?x=${encodeURIComponent(r.id)}` }, r.title)), el('td', {}, r.scenarioId),
      el('td', {}, label(r.phase)), el('td', {}, `${r.turn} / ${r.turns}`), el('td', {}, r.released ? 'yes' : 'no'))))) :
      el('p', {}, 'No reviews yet.')));
}

// ---------------------------------------------------------------- page

function render() {
  const r = state.review;
  setText(title, `Review: ${r.exercise.title}`);
  setText(who, `${r.viewer} (${label(r.standing)})`);
  state.turn = r.turns.length ? r.turns[r.turns.length - 1].turn : 0;
  const nav = el('nav', { class: 'review-nav', 'aria-label': 'Sections' }, [
    ['overview', 'Overview'], ['replay', 'Replay'], ['decisions', 'Decision log'], ['history', 'Beside history'],
    ['agreements', 'Agreements'], ['transcripts', 'Transcripts'], ['notes', r.standing === 'PLAYER' ? 'Injects' : 'Notes'],
    ['timeline', 'Timeline'], ['report', 'Report']]
    .map(([id, text]) => el('a', { href: `#${id}` }, text)));
  fill(main, nav, overview(), replay(), el('section', { id: 'decisions' }), history(), agreements(), transcripts(), notes(),
    timeline(), el('section', { id: 'report' }));
  drawCharts();
  showTurn();
  loadReport();
}

function sideLabel(side) {
  return state.review.exercise.sides[side] || label(side);
}

function issueName(id) {
  return state.review.exercise.issues.find(i => i.id === id)?.name || id;
}

function overview() {
  const r = state.review;
  const e = r.exercise;
  const check = r.replay.consistent
    ? el('p', { id: 'replay-check', class: 'ok-text' }, `Re-adjudicated by the engine: all ${r.replay.statesChecked} recorded states `
      + `and ${r.replay.outcomesChecked} draft outcomes come out again.`)
    : el('div', { id: 'replay-check' }, el('p', { class: 'mismatch' }, `The log does not re-adjudicate: ${r.replay.mismatches.length} mismatch(es).`),
      el('ul', {}, r.replay.mismatches.map(m => el('li', {}, `seq ${m.seq} (turn ${m.turn}): ${m.what}`))));
  const links = el('div', { id: 'links' },
    r.origin ? el('p', { id: 'origin' }, `${r.origin.kind === 'BRANCH' ? 'Branched' : 'Imported'} from `,
      // An import's source lives on another server: its id is shown, not linked.
      r.origin.kind === 'BRANCH' ? el('a', { href: `review.html?x=${encodeURIComponent(r.origin.exerciseId)}` }, r.origin.exerciseId)
        : `exercise ${r.origin.exerciseId || 'of unknown id'} (another server's export)`,
      r.origin.turn !== null && r.origin.turn !== undefined ? ` at turn ${r.origin.turn}` : '') : null,
    r.branches.length ? el('p', {}, 'Branches: ', r.branches.map((b, i) => [i ? ', ' : '',
      el('a', { href: `review.html?x=${encodeURIComponent(b.exerciseId)}`, class: 'branch-link' }, `from turn ${b.turn} (${b.exerciseId})`)]))
      : null);
  return el('section', { id: 'overview' }, el('h2', {}, 'Overview'),
    el('p', {}, `${e.scenario}${e.caseStudy ? ` (${e.caseStudy})` : ''} · ${label(e.mode)} adjudication · ${label(e.phase)}, `
      + `turn ${e.turn} of ${e.turns}${e.endReason ? ` · ended: ${e.endReason}` : ''}`),
    el('p', {}, 'Participants: ', r.participants.map(p => `${p.name} (${p.side ? sideLabel(p.side) : label(p.role)})`).join(', ') || 'none'),
    check, links, exports(), r.standing === 'OWNER' ? branchForm() : null);
}

function exports() {
  const base = `/api/reviews/${encodeURIComponent(exerciseId)}`;
  const button = (id, text, path, name) => el('button', { type: 'button', id, onclick: () => download(base + path, name) }, text);
  return el('div', { class: 'actions', id: 'exports' },
    button('export-json', 'Log (JSON)', '/log.json', `${exerciseId}-log.json`),
    button('export-moves', 'Moves (CSV)', '/moves.csv', `${exerciseId}-moves.csv`),
    button('export-states', 'States (CSV)', '/states.csv', `${exerciseId}-states.csv`),
    button('export-report', 'Report (Markdown)', '/report.md', `${exerciseId}-report.md`));
}

async function download(path, name) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${state.token}` } });
  if (!response.ok) return toast(`Download refused (HTTP ${response.status})`, 'error');
  const url = URL.createObjectURL(await response.blob());
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function branchForm() {
  const r = state.review;
  const turns = r.turns.map(t => t.turn).filter(t => t < r.exercise.turns);
  const turn = el('select', { id: 'branch-turn' }, turns.map(t => el('option', { value: t }, `after turn ${t}`)));
  const seed = el('select', { id: 'branch-seed' }, el('option', { value: 'same' }, 'same seed'), el('option', { value: 'new' }, 'new seed'));
  const result = el('p', { id: 'branch-result', role: 'status' });
  const form = el('form', { id: 'branch-form', class: 'actions' }, el('label', { for: 'branch-turn' }, 'Branch a new exercise'), turn, seed,
    el('button', { type: 'submit' }, 'Branch'), result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const made = await request('POST', `/api/reviews/${encodeURIComponent(exerciseId)}/branch`,
        { turn: Number(turn.value), newSeed: seed.value === 'new' }, state.token);
      fill(result, 'New exercise ', el('a', { href: `facilitator.html?x=${encodeURIComponent(made.id)}` }, made.id),
        ` waits at turn ${made.turn}. Codes: `, Object.entries(made.joinCodes).map(([k, v]) => `${label(k)} ${v}`).join(' · '));
    } catch (err) {
      setText(result, err.message);
    }
  });
  return form;
}

// ---------------------------------------------------------------- replay

function replay() {
  const prev = el('button', { type: 'button', id: 'prev-turn', onclick: () => step(-1) }, '◀ Previous');
  const next = el('button', { type: 'button', id: 'next-turn', onclick: () => step(1) }, 'Next ▶');
  return el('section', { id: 'replay' }, el('h2', {}, 'Replay'),
    el('div', { class: 'stepper' }, prev, el('span', { class: 'turn-label', id: 'turn-label', 'aria-live': 'polite' }), next),
    el('div', { class: 'replay-body' }, el('div', { id: 'state-table' }), el('div', { class: 'charts-grid', id: 'review-charts' })));
}

function step(delta) {
  const turns = state.review.turns.map(t => t.turn);
  const at = turns.indexOf(state.turn) + delta;
  if (at >= 0 && at < turns.length) {
    state.turn = turns[at];
    showTurn();
  }
}

function showTurn() {
  const r = state.review;
  const point = r.turns.find(t => t.turn === state.turn);
  const turns = r.turns.map(t => t.turn);
  setText(document.getElementById('turn-label'), state.turn === 0 ? 'Start (turn 0)' : `After turn ${state.turn}`);
  document.getElementById('prev-turn').disabled = turns.indexOf(state.turn) <= 0;
  document.getElementById('next-turn').disabled = turns.indexOf(state.turn) >= turns.length - 1;
  if (point) fill(document.getElementById('state-table'), stateTable(point));
  for (const plot of state.plots) {
    plot.setCursor({ left: plot.valToPos(state.turn, 'x'), top: 10 });
  }
  fill(document.getElementById('decisions'), decisions());
  for (const row of document.querySelectorAll('#history tr[data-turn]')) {
    row.classList.toggle('current', Number(row.dataset.turn) === state.turn);
  }
}

function stateTable(point) {
  const s = point.state;
  const rows = [['Tension', fmt(s.tension, 1), ''], ['Conflict', s.conflict ? 'yes' : 'no', '']];
  const variables = ['trust', 'threatPerception', 'domesticSupport', 'perceivedResolve', 'strain', 'burden', 'allianceCohesion'];
  const side = v => SIDES.map(x => fmt(s.sides[x][v], 1));
  return el('table', { id: 'turn-state' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Variable'), SIDES.map(x => el('th', { class: `side-${x}` }, sideLabel(x))))),
    el('tbody', {},
      rows.map(([name, value]) => el('tr', {}, el('td', {}, name), el('td', { colspan: 2 }, value))),
      variables.map(v => el('tr', {}, el('td', {}, label(v.replace(/([A-Z])/g, '_$1'))), side(v).map(x => el('td', {}, x)))),
      point.scores ? ['interests', 'security', 'costs'].map(k => el('tr', {}, el('td', {}, `Score: ${k}`),
        SIDES.map(x => el('td', {}, fmt(point.scores.sides[x][k], 1))))) : null,
      point.scores ? el('tr', {}, el('td', {}, 'Stability'), el('td', { colspan: 2 }, fmt(point.scores.stability, 1))) : null,
      Object.values(s.issues).map(i => el('tr', {}, el('td', {}, issueName(i.id)),
        el('td', { colspan: 2 }, `${label(i.status)} · balance ${fmt(i.balance, 1)}`)))));
}

function drawCharts() {
  const host = document.getElementById('review-charts');
  const r = state.review;
  const turns = r.turns.map(t => t.turn);
  const both = (key, variable) => SIDES.map((x, i) => ({ label: sideLabel(x), stroke: i ? '#8e2b2b' : '#1b4d8c',
    values: r.turns.map(t => t.state.sides[x][variable]) }));
  const charts = [
    ['Tension', [{ label: 'Tension', stroke: '#b0321f', values: r.turns.map(t => t.state.tension) }]],
    ['Trust', both('trust', 'trust')],
    ['Threat perception', both('threat', 'threatPerception')],
    ['Domestic support', both('support', 'domesticSupport')],
    ['Costs: burden and strain', [
      { label: `${sideLabel('WASHINGTON')} burden`, stroke: '#1b4d8c', values: r.turns.map(t => t.state.sides.WASHINGTON.burden) },
      { label: `${sideLabel('MOSCOW')} strain`, stroke: '#8e2b2b', values: r.turns.map(t => t.state.sides.MOSCOW.strain) }]],
    ['Stability score', [{ label: 'Stability', stroke: '#1f6b3a', values: r.turns.map(t => t.scores ? t.scores.stability : null) }]],
  ];
  state.plots = charts.map(([name, series]) => {
    const box = el('figure', { class: 'chart', 'aria-label': `${name} by turn` }, el('h4', {}, name));
    host.append(box);
    return new uPlot({
      width: Math.max(240, Math.floor(box.clientWidth) || 340), height: 160,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ values: (u, v) => v.map(t => Number.isInteger(t) ? `T${t}` : '') }, { size: 40 }],
      series: [{ label: 'Turn' }, ...series.map(s => ({ label: s.label, stroke: s.stroke, width: 2, points: { size: 5 } }))],
    }, [turns, ...series.map(s => s.values)], box);
  });
}

// ---------------------------------------------------------------- decision log

function decisions() {
  const d = state.review.decisions.find(x => x.turn === state.turn);
  const head = el('h2', {}, `Decision log · turn ${state.turn}`);
  if (!d) return [head, el('p', { id: 'no-decisions' }, state.turn === 0 ? 'The start: no orders yet.' : 'No adjudication recorded for this turn.')];
  const order = (o, side) => [el('strong', { class: `side-${side}` }, label(o.move)), o.redLine ? ' (red line)' : '',
    o.argument ? el('div', { class: 'muted' }, `“${o.argument}”`) : null,
    d.ratings?.[side]?.[o.issueId] !== undefined ? el('div', {}, `Rated ${d.ratings[side][o.issueId]}`) : null];
  const rolls = list => list.map(x => el('div', {}, `${x.purpose}: odds ${fmt(x.odds * 100, 0)}%, draw ${fmt(x.draw * 100, 0)} → `
    + `${x.success ? 'yes' : 'no'}${x.findings.length ? ` [${x.findings.join(', ')}]` : ''}`));
  const effects = list => list.map(x => el('div', {}, `${x.variable}: ${x.before} → ${x.after} (${x.reason})`
    + `${x.findings.length ? ` [${x.findings.join(', ')}]` : ''}`));
  const table = el('table', { class: 'decision-table' },
    el('thead', {}, el('tr', {}, ['Issue', sideLabel('WASHINGTON'), `Read by ${sideLabel('MOSCOW')}`, sideLabel('MOSCOW'),
      `Read by ${sideLabel('WASHINGTON')}`, 'Status', 'Rolls', 'Effects (engine)'].map(h => el('th', {}, h)))),
    el('tbody', {}, d.issues.filter(i => i.washington.move !== 'HOLD' || i.moscow.move !== 'HOLD' || i.effects.length)
      .map(i => el('tr', { 'data-issue': i.issueId },
        el('td', {}, i.issue, i.findings.length ? el('div', { class: 'muted' }, i.findings.join(', ')) : null),
        el('td', {}, order(i.washington, 'WASHINGTON')),
        el('td', { class: i.washingtonAsReadByMoscow !== i.washington.move ? 'diverged' : '' }, label(i.washingtonAsReadByMoscow)),
        el('td', {}, order(i.moscow, 'MOSCOW')),
        el('td', { class: i.moscowAsReadByWashington !== i.moscow.move ? 'diverged' : '' }, label(i.moscowAsReadByWashington)),
        el('td', {}, `${label(i.before)} → ${label(i.after)}`), el('td', {}, rolls(i.rolls)), el('td', {}, effects(i.effects))))));
  const f = d.facilitator;
  const versions = el('div', { class: 'versions', id: 'versions' },
    el('div', {}, el('h3', {}, 'Engine'), el('p', {}, d.engineSummary || ''), effects(d.otherEffects), rolls(d.otherRolls)),
    el('div', {}, el('h3', {}, 'Facilitator'), f ? [el('p', {}, el('strong', {}, label(f.decision)), ': ', f.summary),
      el('p', { class: 'rationale' }, `Rationale: ${f.rationale}`),
      f.changes?.length ? el('p', {}, 'Changes: ', f.changes.map(c => `${c.variable} ${c.delta !== null && c.delta !== undefined
        ? (c.delta > 0 ? '+' : '') + c.delta : `= ${c.set}`}`).join('; ')) : null]
      : el('p', {}, d.decidedBy === 'ENGINE' ? 'The engine’s result stood (automatic mode).' : 'No decision recorded.')));
  return [head, d.defaulted.length ? el('p', {}, `Defaulted to HOLD: ${d.defaulted.map(sideLabel).join(', ')}`) : null, table, versions];
}

// ---------------------------------------------------------------- history, ledger, talk, notes

function history() {
  const h = state.review.history;
  if (!h.length) return el('section', { id: 'history' }, el('h2', {}, 'Beside history'), el('p', {}, 'This scenario has no historical track.'));
  return el('section', { id: 'history' }, el('h2', {}, 'Beside history'),
    el('table', {}, el('thead', {}, el('tr', {}, ['Turn', 'Period', 'Issue', 'Side', 'Played', 'History'].map(x => el('th', {}, x)))),
      el('tbody', {}, h.flatMap(t => t.moves.filter(m => m.historical !== 'HOLD' || (m.played && m.played !== 'HOLD'))
        .map(m => el('tr', { 'data-turn': t.turn, class: m.diverged ? 'diverged' : '' },
          el('td', {}, t.turn), el('td', {}, t.period), el('td', {}, m.issue), el('td', { class: `side-${m.side}` }, sideLabel(m.side)),
          el('td', {}, m.played ? label(m.played) : 'not played'), el('td', {}, label(m.historical), m.diverged ? ' ≠' : '')))))));
}

function agreements() {
  const a = state.review.agreements;
  return el('section', { id: 'agreements' }, el('h2', {}, 'Agreements ledger'), a.length
    ? el('table', {}, el('thead', {}, el('tr', {}, ['Issue', 'Concluded', 'Balance', 'Institutional', 'In force'].map(x => el('th', {}, x)))),
      el('tbody', {}, a.map(x => el('tr', {}, el('td', {}, x.issue), el('td', {}, `turn ${x.concludedTurn}`), el('td', {}, fmt(x.balance, 1)),
        el('td', {}, x.institutional ? 'yes' : 'no'), el('td', {}, x.inForce ? 'yes' : `lapsed in turn ${x.lapsedTurn}`)))))
    : el('p', {}, 'No agreement was concluded.'));
}

function lines(id, items) {
  return el('div', { class: 'transcript', id }, items.length ? el('table', {}, el('tbody', {}, items.map(l => el('tr', {},
    el('td', {}, `T${l.turn}`), el('td', { class: l.side ? `side-${l.side}` : '' }, l.name,
      l.detail?.role ? el('div', { class: 'muted' }, label(l.detail.role)) : null), el('td', {}, label(l.kind)),
    el('td', {}, l.text, l.detail?.offered ? el('div', { class: 'muted' }, `offers ${JSON.stringify(l.detail.offered)} for `
      + `${JSON.stringify(l.detail.requested)}`) : null))))) : el('p', {}, 'Nothing.'));
}

function transcripts() {
  const r = state.review;
  return el('section', { id: 'transcripts' }, el('h2', {}, 'Transcripts'),
    SIDES.map(side => [el('h3', {}, `${sideLabel(side)} team chat`), lines(`chat-${side}`, r.teamChat.filter(l => l.side === side))]),
    el('h3', {}, 'Diplomatic channel'), lines('diplomacy', r.diplomacy));
}

function notes() {
  const r = state.review;
  // Staff notes stay with the staff: the server sends players none, so their page shows only the injects.
  if (r.standing === 'PLAYER') {
    return el('section', { id: 'notes' }, el('h2', {}, 'Injects'), lines('inject-lines', r.injects));
  }
  return el('section', { id: 'notes' }, el('h2', {}, 'Facilitator and notetaker notes'), lines('note-lines', r.notes),
    el('h3', {}, 'Injects'), lines('inject-lines', r.injects));
}

// ---------------------------------------------------------------- timeline

function eventSide(e) {
  if (e.channel === 'TEAM_WASHINGTON') return 'WASHINGTON';
  if (e.channel === 'TEAM_MOSCOW') return 'MOSCOW';
  const p = e.payload || {};
  return p.side || p.from || p.by || null;
}

function summary(e) {
  const p = e.payload || {};
  return p.text || p.title || p.summary || p.reason || p.rationale || (p.phase ? `${label(p.phase)} turn ${p.turn}` : '')
    || (p.answer ? `${p.proposalId} ${label(p.answer)}` : '');
}

function timeline() {
  const r = state.review;
  const turns = [...new Set(r.events.map(e => e.turn))];
  const kinds = [...new Set(r.events.map(e => e.type))].sort();
  const select = (id, name, options) => el('label', {}, `${name} `, el('select', { id, onchange: filter },
    el('option', { value: '' }, 'all'), options.map(([v, t]) => el('option', { value: v }, t))));
  const body = el('tbody', { id: 'timeline-rows' });
  function filter() {
    const turn = document.getElementById('filter-turn').value;
    const team = document.getElementById('filter-team').value;
    const kind = document.getElementById('filter-kind').value;
    fill(body, r.events.filter(e => (!turn || String(e.turn) === turn) && (!kind || e.type === kind)
      && (!team || eventSide(e) === team)).map(e => el('tr', { 'data-seq': e.seq },
      el('td', {}, e.seq), el('td', {}, `T${e.turn}`), el('td', {}, label(e.phase)), el('td', {}, e.type),
      el('td', {}, label(e.channel)), el('td', {}, e.actor || ''), el('td', {}, summary(e)))));
  }
  const section = el('section', { id: 'timeline' }, el('h2', {}, 'Timeline'),
    el('div', { class: 'filters' }, select('filter-turn', 'Turn', turns.map(t => [t, `turn ${t}`])),
      select('filter-team', 'Team', SIDES.map(s => [s, sideLabel(s)])), select('filter-kind', 'Kind', kinds.map(k => [k, k]))),
    el('div', { class: 'timeline' }, el('table', {}, el('thead', {}, el('tr', {},
      ['#', 'Turn', 'Phase', 'Event', 'Channel', 'Actor', ''].map(h => el('th', {}, h)))), body)));
  queueMicrotask(filter);
  return section;
}

// ---------------------------------------------------------------- report

async function loadReport() {
  const report = await request('GET', `/api/reviews/${encodeURIComponent(exerciseId)}/report`, undefined, state.token);
  showReport(report);
}

function showReport(report) {
  const owner = state.review.standing === 'OWNER';
  const o = report.overview;
  const observations = (name, list) => [el('h3', {}, name), list.length ? list.map((x, i) => el('div', { class: 'observation' },
    el('h4', {}, `${i + 1}. ${x.title}`), el('p', {}, el('strong', {}, 'Observation. '), x.observation),
    el('p', {}, el('strong', {}, 'Analysis. '), x.analysis), el('p', {}, el('strong', {}, 'Recommendation. '), x.recommendation),
    x.findings.length ? el('p', { class: 'muted' }, `Findings: ${x.findings.join(', ')} · turns ${x.turns.join(', ')}`) : null))
    : el('p', {}, 'None drawn from the log.')];
  const actions = el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'print-report', onclick: () => window.print() }, 'Print'),
    owner && !report.released ? el('button', { type: 'button', id: 'edit-report', onclick: () => editReport(report) }, 'Edit') : null,
    owner && !report.released && state.review.exercise.phase === 'ENDED'
      ? el('button', { type: 'button', id: 'release-report', onclick: () => release() }, 'Release to players') : null);
  fill(document.getElementById('report'), el('h2', {}, `After-action report: ${o.title}`), actions,
    el('p', { class: 'muted', id: 'report-status' }, report.released ? `Released ${report.released}` : 'Draft, not released to players'
      + (report.editedBy ? ` · edited by ${report.editedBy}` : ' · drafted from the log')),
    el('h3', {}, 'Overview'),
    el('p', {}, `${o.scenario}${o.caseStudy ? ` (${o.caseStudy})` : ''} · ${o.dates} · ${label(o.mode)} adjudication`),
    el('p', {}, `Participants: ${o.participants.join(', ') || 'none recorded'}`),
    el('ul', {}, o.objectives.map(x => el('li', {}, x))), el('p', { id: 'report-summary' }, o.summary),
    observations('Strengths', report.strengths), observations('Areas for improvement', report.improvements),
    el('h3', {}, 'Improvement plan'),
    el('table', { id: 'plan' }, el('thead', {}, el('tr', {}, ['Area for improvement', 'Corrective action', 'Findings', 'Responsible',
      'Start', 'Completion'].map(h => el('th', {}, h)))), el('tbody', {}, report.plan.map(p => el('tr', {},
      el('td', {}, p.area), el('td', {}, p.correctiveAction), el('td', {}, p.findings.join(', ')), el('td', {}, p.responsible),
      el('td', {}, p.start), el('td', {}, p.completion))))));
}

async function release() {
  try {
    showReport(await request('POST', `/api/reviews/${encodeURIComponent(exerciseId)}/release`, {}, state.token));
    toast('The review is released to the players.');
  } catch (err) {
    toast(err.message, 'error');
  }
}

/** A form over the report's text; saving replaces the draft with the facilitator's version. */
function editReport(report) {
  const draft = structuredClone(report);
  const text = (value, set, multi = true) => {
    const input = multi ? el('textarea', { value }) : el('input', { type: 'text', value });
    input.addEventListener('input', () => set(input.value));
    return input;
  };
  const observationFields = list => list.map(x => el('fieldset', { class: 'observation' },
    el('legend', {}, x.title), ['title', 'observation', 'analysis', 'recommendation'].map(k => el('label', {}, label(k),
      text(x[k], v => { x[k] = v; }, k !== 'title')))));
  const form = el('form', { class: 'report-edit', id: 'report-form' },
    el('label', {}, 'Summary', text(draft.overview.summary, v => { draft.overview.summary = v; })),
    el('label', {}, 'Objectives (one a line)', text(draft.overview.objectives.join('\n'),
      v => { draft.overview.objectives = v.split('\n').map(s => s.trim()).filter(Boolean); })),
    el('h3', {}, 'Strengths'), observationFields(draft.strengths),
    el('h3', {}, 'Areas for improvement'), observationFields(draft.improvements),
    el('h3', {}, 'Improvement plan'), draft.plan.map(p => el('fieldset', {}, el('legend', {}, p.area),
      ['correctiveAction', 'responsible', 'start', 'completion'].map(k => el('label', {}, label(k.replace(/([A-Z])/g, '_$1')),
        text(p[k], v => { p[k] = v; }, k === 'correctiveAction'))))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-report' }, 'Save report'),
      el('button', { type: 'button', onclick: () => showReport(report) }, 'Cancel')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      showReport(await request('POST', `/api/reviews/${encodeURIComponent(exerciseId)}/report`, draft, state.token));
      toast('Report saved.');
    } catch (err) {
      toast(err.message, 'error');
    }
  });
  fill(document.getElementById('report'), el('h2', {}, 'Edit the after-action report'), form);
}

start();
