// The what-if view of the review (docs/protocol.md section 8): from a turn of this exercise, a
// strategy for each side plays on over N runs; the distribution of outcomes is shown beside the path
// the teams took, as a table, two charts and a CSV. Loaded by review.html beside the review; the
// server decides who may run one (the exercise's facilitator; analysts once it has ended).
import uPlot from 'uplot';
import { el, fill, setText, param } from './dom.js';
import { request, account } from './api.js';
import { colour } from './charts.js';
import { saveFile } from './account-pages.js';

const exerciseId = param('x');
const RATES = ['CONFLICT_RATE', 'WASHINGTON_COOPERATION', 'MOSCOW_COOPERATION'];
const DEFAULT = { washington: 'core-first', moscow: 'tit-for-tat' };
const state = { token: null, setup: null, review: null, section: null, results: null, made: 0 };

const api = (method, path, body) => request(method, path, body, state.token);

/** Waits for the review to draw its overview, then adds this section (and its link in the section list). */
function mount() {
  const overview = document.getElementById('overview');
  if (!overview) return false;
  // Seats (players with a released review) cannot run a what-if: the section is for accounts.
  state.token = account.get()?.token || null;
  if (!state.token) return true;
  document.head.append(el('link', { rel: 'stylesheet', href: '/css/computer-play.css' }));
  state.section = el('section', { id: 'what-if', 'aria-labelledby': 'what-if-h' }, el('h2', { id: 'what-if-h' }, 'What if'),
    el('p', { class: 'muted' }, 'Continue this exercise from a turn with a computer-played strategy on each side, over many runs, '
      + 'and compare the outcomes with the path the teams took.'));
  overview.after(state.section);
  document.querySelector('.review-nav')?.append(el('a', { href: '#what-if' }, 'What if'));
  start();
  return true;
}

async function start() {
  try {
    [state.setup, state.review] = await Promise.all([api('GET', '/api/analyses/setup'),
      api('GET', `/api/reviews/${encodeURIComponent(exerciseId)}`)]);
  } catch (error) {
    state.section.append(el('p', { role: 'alert', id: 'what-if-refused' }, error.message));
    return;
  }
  state.results = el('div', { id: 'what-if-results' });
  state.section.append(form(), state.results);
}

function form() {
  const e = state.review.exercise;
  // From the start (turn 0) or after any turn played, as long as a turn is left to play.
  const turns = [...new Set([0, ...state.review.turns.map(t => t.turn)])].filter(t => t < e.turns && t <= e.turn).sort((a, b) => a - b);
  const turn = el('select', { id: 'what-if-turn' }, turns.map(t => el('option', { value: t }, t === 0 ? 'from the start' : `after turn ${t}`)));
  const strategy = side => el('select', { id: `what-if-${side}` }, state.setup.strategies.map(s =>
    el('option', { value: s.id, title: s.description, selected: s.id === DEFAULT[side] }, s.name)));
  const washington = strategy('washington');
  const moscow = strategy('moscow');
  const runs = el('input', { type: 'number', id: 'what-if-runs', min: 1, max: 2000, value: 200, required: true });
  const seed = el('input', { type: 'number', id: 'what-if-seed', value: 1, step: 1, required: true });
  const error = el('p', { class: 'error-text', id: 'what-if-error', role: 'alert' });
  const button = el('button', { type: 'submit', class: 'primary', id: 'what-if-run' }, 'Run the what-if');
  const field = (id, text, input) => el('div', { class: 'field' }, el('label', { for: id }, text), input);
  const box = el('form', { id: 'what-if-form', class: 'what-if-form' },
    field('what-if-turn', 'Continue', turn), field('what-if-washington', `${sideName('WASHINGTON')} plays`, washington),
    field('what-if-moscow', `${sideName('MOSCOW')} plays`, moscow), field('what-if-runs', 'Runs (at most 2,000)', runs),
    field('what-if-seed', 'Seed', seed), el('div', { class: 'field' }, button), error);
  box.addEventListener('submit', async ev => {
    ev.preventDefault();
    setText(error, '');
    button.disabled = true;
    setText(button, 'Running…');
    try {
      const answer = await api('POST', '/api/analyses/what-if', { exerciseId, turn: Number(turn.value), washington: washington.value,
        moscow: moscow.value, runs: Number(runs.value), seed: Number(seed.value) });
      state.results.prepend(result(answer));
    } catch (err) {
      setText(error, err.message);
    }
    button.disabled = false;
    setText(button, 'Run the what-if');
  });
  return box;
}

function sideName(side) {
  return state.review?.exercise?.sides?.[side] || (side === 'WASHINGTON' ? 'Washington' : 'Moscow');
}

function strategyName(id) {
  return state.setup.strategies.find(s => s.id === id)?.name || id;
}

function figure(key, value) {
  if (value === null || value === undefined) return '–';
  return RATES.includes(key) ? `${(100 * value).toFixed(1)}%` : value.toFixed(1);
}

function estimate(key, e) {
  return !e || e.n === 0 ? 'none' : `${figure(key, e.mean)} [${figure(key, e.low)}, ${figure(key, e.high)}]`;
}

/** The answer in a sentence, to one decimal as the table and the server's summary give it, with the strategies' names (the server's sentence has their ids). */
function summary(answer) {
  const w = answer.whatIf;
  const yours = answer.actualMetrics.END_TENSION ?? answer.actual.tension;
  return `Your path ${answer.actual.phase === 'ENDED' ? 'ended' : 'stands'} at tension ${figure('END_TENSION', yours)}`
    + `${answer.actual.conflict ? ' in conflict' : ''}; ${strategyName(w.washington)} against ${strategyName(w.moscow)} `
    + `${answer.fromTurn === 0 ? 'from the start' : `from turn ${answer.fromTurn}`} ends at ${estimate('END_TENSION', w.metrics.END_TENSION)} `
    + `over ${w.runs} runs (conflict in ${figure('CONFLICT_RATE', w.metrics.CONFLICT_RATE?.mean)}).`;
}

function result(answer) {
  const n = ++state.made;
  const w = answer.whatIf;
  const title = `${strategyName(w.washington)} against ${strategyName(w.moscow)}, ${answer.fromTurn === 0 ? 'from the start' : `after turn ${answer.fromTurn}`}`;
  const table = el('table', { class: 'grid what-if-table', id: `what-if-table-${n}` },
    el('caption', { class: 'sr-only' }, title),
    el('thead', {}, el('tr', {}, el('th', {}, 'Measure'), el('th', { class: 'num' }, 'Your path'),
      el('th', { class: 'num' }, `What-if: mean [95% interval] over ${w.runs} runs`))),
    el('tbody', {}, state.setup.metrics.map(m => {
      const key = m.key.toUpperCase();
      return el('tr', {}, el('th', {}, m.label.replace(/^./, c => c.toUpperCase())), el('td', { class: 'num' }, figure(key, answer.actualMetrics[key])),
        el('td', { class: 'num' }, estimate(key, w.metrics[key])));
    })));
  const charts = el('div', { class: 'what-if-charts' });
  const block = el('article', { class: 'what-if-result', id: `what-if-result-${n}` },
    el('h3', {}, title),
    el('p', { class: 'what-if-summary', id: `what-if-summary-${n}` }, summary(answer)),
    el('p', { class: 'muted' }, `Seed ${answer.seed}; the same request gives the same figures. Your path: turn ${answer.actual.turn}, `
      + `${answer.actual.phase === 'ENDED' ? 'ended' : 'still running'}.`),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: `what-if-csv-${n}`, onclick: () => csv(answer) }, 'Download CSV')),
    charts, el('div', { class: 'table-scroll' }, table));
  // Charts are drawn once the block is in the page, so that they take its width.
  const boxes = ['End tension', 'Shared stability score'].map(name => el('figure', { class: 'chart',
    'aria-label': `${name}: share of what-if runs, and your path` }, el('h4', {}, `${name}: what-if runs and your path`)));
  charts.append(...boxes);
  requestAnimationFrame(() => {
    histogram(boxes[0], 'Tension at the end (0–100)', 'tensionHistogram', w, answer.actualMetrics.END_TENSION);
    histogram(boxes[1], 'Shared stability score at the end (0–100)', 'stabilityHistogram', w, answer.actualMetrics.STABILITY);
  });
  return block;
}

/** The share of runs in each 5-point band, with the path the teams took as a vertical line. */
function histogram(box, axisLabel, field, pair, actual) {
  const x = pair[field].map((_, i) => i * 5 + 2.5);
  const shares = pair[field].map(c => (100 * c) / pair.runs);
  const axis = { stroke: colour('chart-axis'), grid: { stroke: colour('chart-grid'), width: 1 }, ticks: { stroke: colour('chart-grid'), width: 1 } };
  const path = colour('series-tension');
  const plot = new uPlot({
    width: Math.max(320, Math.floor(box.clientWidth || 440)), height: 220,
    cursor: { y: false },
    legend: { live: false },
    scales: { x: { time: false, range: [0, 100] }, y: { range: (u, min, max) => [0, Math.max(5, Math.ceil(max / 5) * 5)] } },
    axes: [{ ...axis, label: axisLabel, labelSize: 22 },
      { ...axis, label: 'Share of runs', labelSize: 22, size: 50, values: (u, v) => v.map(t => `${t}%`) }],
    series: [{ label: 'Band' },
      { label: `What-if: ${strategyName(pair.washington)} against ${strategyName(pair.moscow)}`, stroke: colour('series-1'), fill: colour('series-1') + '33', width: 2 },
      // Empty series: the legend's entry for the line drawn below.
      { label: actual === null || actual === undefined ? 'Your path: no value' : `Your path: ${actual.toFixed(1)}`, stroke: path, width: 2, dash: [6, 4] }],
    hooks: { draw: [u => {
      if (actual === null || actual === undefined) return;
      const at = u.valToPos(actual, 'x', true);
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = path;
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(at, u.bbox.top);
      ctx.lineTo(at, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    }] },
  }, [x, shares, x.map(() => null)], box);
  // Follows its box when the window or the layout changes.
  new ResizeObserver(() => {
    const width = Math.max(320, Math.floor(box.clientWidth));
    if (Math.abs(width - plot.width) > 4) plot.setSize({ width, height: 220 });
  }).observe(box);
}

function csv(answer) {
  const w = answer.whatIf;
  const quote = v => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const value = v => (v === null || v === undefined ? '' : String(v));
  const rows = [['exercise', 'from_turn', 'washington', 'moscow', 'runs', 'seed', 'metric', 'label', 'your_path', 'what_if_mean', 'low', 'high', 'n']];
  for (const m of state.setup.metrics) {
    const key = m.key.toUpperCase();
    const e = w.metrics[key] || {};
    rows.push([answer.exerciseId, answer.fromTurn, w.washington, w.moscow, w.runs, answer.seed, m.key, m.label,
      value(answer.actualMetrics[key]), value(e.mean), value(e.low), value(e.high), value(e.n)]);
  }
  const text = rows.map(r => r.map(quote).join(',')).join('\n') + '\n';
  saveFile(new Blob([text], { type: 'text/csv' }), `what-if-${answer.exerciseId}-t${answer.fromTurn}-${w.washington}-vs-${w.moscow}.csv`);
}

// The review draws itself once it has the exercise (after a sign-in, if it asked for one).
if (exerciseId && !mount()) {
  const watcher = new MutationObserver(() => { if (mount()) watcher.disconnect(); });
  watcher.observe(document.body, { childList: true, subtree: true });
}
