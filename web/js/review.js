// The after-action review (docs/protocol.md section 7): timeline, turn-by-turn replay with charts,
// decision log, agreements, transcripts, notes, history, the report, exports and branching. The
// server decides who may see it; this page only shows what the server returns.
import { el, fill, setText, param, label, toast } from './dom.js';
import { signInForm } from './account-pages.js';
import { request, account, seats } from './api.js';
import { loadFindings } from './widgets.js';
import { Replay } from './review-turns.js';
import { Record } from './review-record.js';
import { ReportView } from './report.js';

const exerciseId = param('x');
const main = el('main', { class: 'review-main', id: 'review' });
const who = el('span', { class: 'who', id: 'who' });
const title = el('h1', { class: 'title', id: 'review-title' }, 'After-action review');
document.body.append(el('header', { class: 'topbar' }, el('a', { class: 'brand', href: '/' }, 'Hotline'), title,
  el('span', { class: 'spacer' }), who), main);

const state = { review: null, token: null };

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
    await loadFindings();
  } catch (error) {
    if (error.status === 401) return signIn('Your sign-in has expired.');
    fill(main, el('section', { id: 'refused' }, el('h2', {}, 'Review not available'), el('p', { role: 'alert' }, error.message)));
    return;
  }
  render();
}

function signIn(reason) {
  fill(main, el('section', {}, el('h2', {}, 'Sign in'), signInForm('review', reason, start)));
}

function list(reviews) {
  fill(main, el('section', { id: 'review-list' }, el('h2', {}, 'Reviews you may open'),
    reviews.length ? el('table', {}, el('thead', {}, el('tr', {}, ['Exercise', 'Phase', 'Turn', 'Released']
      .map(h => el('th', {}, h)))), el('tbody', {}, reviews.map(r => el('tr', {},
      el('td', {}, el('a', { href: `review.html?x=${encodeURIComponent(r.id)}` }, r.title)),
      el('td', {}, label(r.phase)), el('td', {}, `${r.turn} / ${r.turns}`), el('td', {}, r.released ? 'yes' : 'no'))))) :
      el('p', {}, 'No reviews yet.')));
}

// ---------------------------------------------------------------- page

function render() {
  const r = state.review;
  setText(title, `Review: ${r.exercise.title}`);
  setText(who, `${r.viewer} (${label(r.standing)})`);
  const replay = new Replay(r);
  const record = new Record(replay);
  state.sideLabel = side => replay.sideLabel(side);
  const nav = el('nav', { class: 'review-nav', 'aria-label': 'Sections' }, [
    ['overview', 'Overview'], ['replay', 'Replay'], ['decisions', 'Decision log'], ['history', 'Beside history'],
    ['agreements', 'Agreements'], ['transcripts', 'Transcripts'], ['notes', r.standing === 'PLAYER' ? 'Injects' : 'Notes'],
    ['timeline', 'Timeline'], ['report', 'Report']]
    .map(([id, text]) => el('a', { href: `#${id}` }, text)));
  fill(main, nav, overview(), replay.section(), el('section', { id: 'decisions' }), record.history(), record.agreements(),
    record.transcripts(), record.notes(), record.timeline(), el('section', { id: 'report' }));
  replay.drawCharts();
  replay.show();
  new ReportView(replay, exerciseId, state.token).load().catch(error => fill(document.getElementById('report'),
    el('h2', {}, 'Report'), el('p', { role: 'alert' }, error.message)));
}

function sideLabel(side) {
  return state.sideLabel(side);
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

start();
