// Options analysis (R5, R6): choose a scenario, strategies for each side, rulebook and context changes
// and runs; follow the progress (and cancel); read the results table, the pairwise tables and the
// distributions; download CSV or JSON. The server checks who may use it; this page shows its answers.
import uPlot from 'uplot';
import { el, fill, setText, param, toast } from './dom.js';
import { request, account, ApiError } from './api.js';
import { signInForm, saveFile } from './account-pages.js';
import { colour } from './charts.js';

const main = el('main', { class: 'analysis', id: 'analysis' });
const who = el('span', { class: 'who', id: 'who' });
document.body.append(el('header', { class: 'topbar' }, el('a', { class: 'brand', href: '/' }, 'Hotline'),
  el('h1', { class: 'title' }, 'Options analysis'), el('span', { class: 'spacer' }), who), main);

const PAIRWISE = ['end_tension', 'conflict_rate', 'stability', 'core_agreements', 'other_agreements'];
const RATE_KEYS = ['conflict_rate', 'washington_cooperation', 'moscow_cooperation'];
const state = { token: null, setup: null, scenario: null, watching: null, timer: null };

const api = (method, path, body) => request(method, path, body, state.token);

// ---------------------------------------------------------------- start and sign-in

async function start() {
  state.token = account.get()?.token || null;
  if (!state.token) return signIn('Sign in with a facilitator or analyst account to run options analyses.');
  try {
    state.setup = await api('GET', '/api/analyses/setup');
  } catch (error) {
    if (error.status === 401) return signIn('Your sign-in has expired.');
    fill(main, el('section', { class: 'panel', id: 'refused' }, el('h2', {}, 'Options analysis not available'),
      el('p', { role: 'alert' }, error.message)));
    return;
  }
  setText(who, `Signed in as ${account.get().username}`);
  const right = el('div', { class: 'column', id: 'analysis-right' }, currentPanel(), historyPanel());
  fill(main, el('div', { class: 'column' }, await formPanel()), right);
  refreshHistory();
  if (param('a')) watch(param('a'));
}

function signIn(reason) {
  fill(main, el('section', {}, signInForm('analysis', reason, start, 'panel signin')));
}

// ---------------------------------------------------------------- the form

const DEFAULTS = { WASHINGTON: ['core-first', 'limited', 'grit', 'always-hardline'], MOSCOW: ['tit-for-tat', 'always-hardline', 'exploit-concessions'] };

async function formPanel() {
  const scenario = el('select', { id: 'analysis-scenario' },
    state.setup.scenarios.map(s => el('option', { value: s.id }, s.title + (s.historicalTrack ? ' (case study)' : ''))));
  const sides = ['WASHINGTON', 'MOSCOW'].map(side => el('fieldset', { id: `strategies-${side.toLowerCase()}` },
    el('legend', {}, side === 'WASHINGTON' ? 'Washington plays' : 'Moscow plays'),
    state.setup.strategies.map(s => el('label', { class: 'strategy-choice' },
      el('input', { type: 'checkbox', value: s.id, name: side, checked: DEFAULTS[side].includes(s.id) }),
      el('span', {}, s.name, el('small', { class: 'muted' }, s.argument))))));
  const runs = el('input', { type: 'number', id: 'analysis-runs', min: 1, max: state.setup.maxRunsPerPair, value: 1000, required: true });
  const seed = el('input', { type: 'number', id: 'analysis-seed', placeholder: 'chosen by the server', step: 1 });
  const changes = el('div', { id: 'analysis-changes' });
  const error = el('p', { class: 'error-text', id: 'analysis-error', role: 'alert' });
  const form = el('form', { id: 'analysis-form' },
    el('div', { class: 'field' }, el('label', { for: 'analysis-scenario' }, 'Scenario'), scenario),
    sides,
    el('div', { class: 'row' },
      el('div', { class: 'field' }, el('label', { for: 'analysis-runs' }, 'Runs per pair'), runs),
      el('div', { class: 'field' }, el('label', { for: 'analysis-seed' }, 'Seed (for reproducing)'), seed)),
    changes, error,
    el('button', { type: 'submit', class: 'primary', id: 'analysis-start' }, 'Run the analysis'));
  scenario.addEventListener('change', () => loadScenario(scenario.value, changes));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    setText(error, '');
    const picked = side => [...form.querySelectorAll(`input[name=${side}]:checked`)].map(i => i.value);
    const body = { scenarioId: scenario.value, washington: picked('WASHINGTON'), moscow: picked('MOSCOW'),
      runs: Number(runs.value), seed: seed.value === '' ? null : Number(seed.value), rulebook: {}, context: {} };
    for (const input of changes.querySelectorAll('input[data-kind]')) {
      if (input.value !== '' && Number(input.value) !== Number(input.dataset.base)) body[input.dataset.kind][input.dataset.key] = Number(input.value);
    }
    try {
      const started = await api('POST', '/api/analyses', body);
      history.replaceState(null, '', `?a=${encodeURIComponent(started.id)}`);
      watch(started.id);
      document.getElementById('current').scrollIntoView({ block: 'start' });
      refreshHistory();
    } catch (err) {
      setText(error, err.message);
    }
  });
  await loadScenario(scenario.value, changes);
  return el('section', { class: 'panel', 'aria-labelledby': 'new-h' }, el('h2', { id: 'new-h' }, 'New analysis'), form);
}

// The rulebook entries analysts change most (R6: emboldening; F5/F6: agreement odds) and the context.
const FEATURED = ['emboldening.sensitivity', 'emboldening.powerPivot', 'emboldening.revisionismFloor'];

async function loadScenario(id, host) {
  const s = await api('GET', `/api/analyses/setup/${encodeURIComponent(id)}`);
  state.scenario = s;
  const number = (kind, key, base, min, max, text) => [el('label', { for: `change-${kind}-${key}`, title: text || '' }, key),
    el('input', { type: 'number', id: `change-${kind}-${key}`, step: 'any', min, max, value: base,
      'data-kind': kind, 'data-key': key, 'data-base': base })];
  const entries = s.rulebook.filter(e => FEATURED.includes(e.key));
  const other = el('select', { id: 'analysis-rule-pick', 'aria-label': 'Another rulebook entry' }, el('option', { value: '' }, 'Another rulebook entry…'),
    s.rulebook.filter(e => !FEATURED.includes(e.key)).map(e => el('option', { value: e.key }, e.key)));
  const grid = el('div', { class: 'changes' }, entries.map(e => number('rulebook', e.key, e.value, e.min, e.max, e.description)));
  other.addEventListener('change', () => {
    const e = s.rulebook.find(r => r.key === other.value);
    if (e && !grid.querySelector(`[data-key="${CSS.escape(e.key)}"]`)) grid.append(...number('rulebook', e.key, e.value, e.min, e.max, e.description));
    other.value = '';
  });
  const ctx = s.context;
  fill(host,
    el('fieldset', {}, el('legend', {}, 'Rulebook changes (R6: raise emboldening)'), grid, other),
    el('fieldset', {}, el('legend', {}, 'Context changes (F5 trends, F6 triangle)'),
      el('div', { class: 'changes' }, Object.keys(ctx).map(k => number('context', k, ctx[k], k === 'powerRatio' ? 1 : 0, k === 'powerRatio' ? 10 : 100)))));
}

// ---------------------------------------------------------------- the current analysis

function currentPanel() {
  return el('section', { class: 'panel', id: 'current', 'aria-labelledby': 'current-h' },
    el('h2', { id: 'current-h' }, 'Analysis'), el('p', { class: 'muted' }, 'Choose strategies and run an analysis, or open one below.'));
}

function watch(id) {
  clearTimeout(state.timer);
  state.watching = id;
  const bar = el('progress', { id: 'analysis-progress', max: 1, value: 0 });
  const text = el('span', { class: 'progress-text', id: 'analysis-progress-text' }, 'Queued');
  const cancel = el('button', { type: 'button', class: 'danger', id: 'analysis-cancel', onclick: async () => {
    try { await api('POST', `/api/analyses/${encodeURIComponent(id)}/cancel`); toast('Cancelling…'); } catch (err) { toast(err.message, 'bad'); }
  } }, 'Cancel');
  const body = el('div', { class: 'results', id: 'analysis-results' });
  fill(document.getElementById('current'), el('h2', { id: 'current-h' }, `Analysis ${id}`),
    el('div', { class: 'progress-line' }, bar, text, cancel), body);
  const poll = async () => {
    if (state.watching !== id) return;
    let view;
    try {
      view = await api('GET', `/api/analyses/${encodeURIComponent(id)}`);
    } catch (err) {
      setText(text, err.message);
      return;
    }
    const s = view.status;
    bar.max = s.totalRuns;
    bar.value = s.doneRuns;
    setText(text, `${s.state.toLowerCase()} · ${s.doneRuns.toLocaleString('en-GB')} of ${s.totalRuns.toLocaleString('en-GB')} runs`);
    if (s.state === 'QUEUED' || s.state === 'RUNNING') {
      state.timer = setTimeout(poll, 400);
      return;
    }
    cancel.disabled = true;
    refreshHistory();
    if (s.state === 'DONE') results(body, view.result, id);
    else fill(body, el('p', { role: 'alert', id: 'analysis-stopped' }, s.message || s.state));
  };
  poll();
}

function estimate(key, e, withInterval = true) {
  if (!e || e.n === 0) return 'none';
  const digits = RATE_KEYS.includes(key) ? 3 : 1;
  const f = v => v.toFixed(digits);
  return withInterval ? `${f(e.mean)} [${f(e.low)}, ${f(e.high)}]` : f(e.mean);
}

function results(host, result, id) {
  const metrics = state.setup.metrics;
  const byKey = k => metrics.find(m => m.key === k);
  const p = result.provenance;
  const rows = [...new Set(result.pairs.map(x => x.washington))];
  const cols = [...new Set(result.pairs.map(x => x.moscow))];
  const pair = (w, m) => result.pairs.find(x => x.washington === w && x.moscow === m);
  const metric = (x, key) => x.metrics[key.toUpperCase()];
  const pairwise = key => el('div', { class: 'table-scroll' }, el('table', { class: 'grid pairwise', id: `pairwise-${key}` },
    el('caption', { class: 'sr-only' }, byKey(key).label),
    el('thead', {}, el('tr', {}, el('th', {}, `${byKey(key).label} · Washington ↓ / Moscow →`), cols.map(c => el('th', { class: 'num' }, c)))),
    el('tbody', {}, rows.map(r => el('tr', {}, el('th', {}, r), cols.map(c => {
      const e = metric(pair(r, c), key);
      return el('td', { class: 'num' }, estimate(key, e, false), el('div', { class: 'interval' }, e && e.n ? `[${estimate(key, e).split('[')[1]}` : ''));
    }))))));
  const full = el('div', { class: 'table-scroll' }, el('table', { class: 'grid', id: 'analysis-table' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Metric (mean [95% interval])'), result.pairs.map(x => el('th', { class: 'num' }, `${x.washington} vs ${x.moscow}`)))),
    el('tbody', {}, metrics.map(m => el('tr', {}, el('th', {}, m.label),
      result.pairs.map(x => el('td', { class: 'num' }, estimate(m.key, metric(x, m.key)))))))));
  const charts = el('div', { class: 'dist-charts' });
  const downloads = el('p', { class: 'row' },
    el('button', { type: 'button', id: 'download-csv', onclick: () => download(id, 'csv') }, 'Download CSV'),
    el('button', { type: 'button', id: 'download-json', onclick: () => download(id, 'json') }, 'Download JSON'));
  fill(host,
    el('p', { class: 'provenance', id: 'analysis-provenance' },
      `${p.scenarioTitle} · ${p.runs.toLocaleString('en-GB')} runs per pair · seed ${p.seed} · ${p.hotlineVersion} · scenario sha256 ${p.scenarioHash.slice(0, 12)}… · `
      + `rulebook ${p.rulebookVersion} sha256 ${p.rulebookHash.slice(0, 12)}…`
      + (Object.keys(p.rulebookChanges).length ? ` · rulebook changed: ${JSON.stringify(p.rulebookChanges)}` : '')
      + (Object.keys(p.contextChanges).length ? ` · context changed: ${JSON.stringify(p.contextChanges)}` : '')),
    downloads,
    el('h3', {}, 'Pairwise tables'), PAIRWISE.map(pairwise),
    el('h3', {}, 'Distributions'), charts,
    el('h3', {}, 'Every metric'), full);
  histogram(charts, 'End tension: share of runs', result.pairs, 'tensionHistogram');
  histogram(charts, 'Shared stability score: share of runs', result.pairs, 'stabilityHistogram');
}

function histogram(host, title, pairs, field) {
  const box = el('figure', { class: 'chart', 'aria-label': title }, el('h4', {}, title));
  host.append(box);
  const x = pairs[0][field].map((_, i) => i * 5 + 2.5);
  const palette = ['series-1', 'series-2', 'series-3', 'series-4', 'series-tension'];
  const axis = { stroke: colour('chart-axis'), grid: { stroke: colour('chart-grid'), width: 1 } };
  new uPlot({
    width: Math.max(320, Math.floor(box.clientWidth || 420)), height: 220,
    scales: { x: { time: false, range: [0, 100] }, y: { range: (u, min, max) => [0, Math.max(5, Math.ceil(max / 5) * 5)] } },
    axes: [{ ...axis, label: '0–100' }, { ...axis, size: 44, values: (u, v) => v.map(t => `${t}%`) }],
    series: [{ label: 'Value', value: (u, v) => (v == null ? '–' : `${v - 2.5}–${v + 2.5}`) },
      ...pairs.map((p, i) => ({ label: `${p.washington} vs ${p.moscow}`, stroke: colour(palette[i % palette.length]), width: 2,
        dash: i >= palette.length ? [6, 4] : undefined, value: (u, v) => (v == null ? '–' : `${v.toFixed(1)}%`) }))],
  }, [x, ...pairs.map(p => p[field].map(c => (100 * c) / p.runs))], box);
}

async function download(id, kind) {
  try {
    const response = await fetch(`/api/analyses/${encodeURIComponent(id)}/result.${kind}`, { headers: { Authorization: `Bearer ${state.token}` } });
    if (!response.ok) throw new ApiError(response.status, 'DOWNLOAD', (await response.json().catch(() => ({}))).message || `HTTP ${response.status}`);
    saveFile(await response.blob(), `analysis-${id}.${kind}`);
  } catch (err) {
    toast(err.message, 'bad');
  }
}

// ---------------------------------------------------------------- earlier analyses

function historyPanel() {
  return el('section', { class: 'panel', id: 'history', 'aria-labelledby': 'history-h' }, el('h2', { id: 'history-h' }, 'Stored analyses'),
    el('div', { id: 'history-list' }));
}

async function refreshHistory() {
  const list = await api('GET', '/api/analyses').catch(() => []);
  const host = document.getElementById('history-list');
  if (!host) return;
  if (!list.length) return fill(host, el('p', { class: 'muted' }, 'None yet.'));
  fill(host, el('div', { class: 'table-scroll' }, el('table', { class: 'grid', id: 'history-table' },
    el('thead', {}, el('tr', {}, ['Started', 'By', 'Scenario', 'Washington', 'Moscow', 'Runs', 'State', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, list.map(a => el('tr', {},
      el('td', {}, new Date(a.created).toLocaleString('en-GB')), el('td', {}, a.owner), el('td', {}, state.setup.scenarios.find(s => s.id === a.scenarioId)?.title ?? a.scenarioId),
      el('td', {}, a.request.washington.join(', ')), el('td', {}, a.request.moscow.join(', ')),
      el('td', { class: 'num' }, a.totalRuns.toLocaleString('en-GB')), el('td', {}, a.state.toLowerCase()),
      el('td', {}, el('button', { type: 'button', class: 'small', onclick: () => {
        history.replaceState(null, '', `?a=${encodeURIComponent(a.id)}`);
        watch(a.id);
      } }, 'Open'))))))));
}

start();
