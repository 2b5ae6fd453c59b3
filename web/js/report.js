// The after-action report (HSEEP shape): the view with its charts, fit to print or save as PDF, and
// the facilitator's editor, which adds, removes and reorders observations and improvement-plan rows.
import { el, fill, label, toast } from './dom.js';
import { request } from './api.js';
import { lineChart } from './charts.js';
import { SIDES, plainPaths } from './model.js';
import { confirmDialog } from './alerts.js';

const EMPTY_OBSERVATION = () => ({ title: '', observation: '', analysis: '', recommendation: '', findings: [], turns: [] });
const EMPTY_ROW = () => ({ area: '', correctiveAction: '', findings: [], responsible: '', start: '', completion: '' });

export class ReportView {
  constructor(replay, exerciseId, token) {
    this.replay = replay;
    this.review = replay.review;
    this.exerciseId = exerciseId;
    this.token = token;
    this.path = `/api/reviews/${encodeURIComponent(exerciseId)}`;
  }

  async load() {
    this.show(await request('GET', `${this.path}/report`, undefined, this.token));
  }

  /** Case-study findings (CS1…CS4) belong to a report only when the scenario is that case. */
  findings(ids) {
    const caseStudy = this.review.exercise.caseStudy;
    return (ids || []).filter(id => !/^CS\d$/.test(id) || id === caseStudy);
  }

  /** The draft's text as a senior reader reads it: plain variable and move names. */
  words(text) {
    return plainPaths(text, this.review.exercise.sides, this.review.exercise.issues);
  }

  show(report) {
    const owner = this.review.standing === 'OWNER';
    const w = text => this.words(text);
    const o = report.overview;
    // A part left empty in the editor is left out, not printed as a bare heading.
    const part = (head, text) => (String(text || '').trim() ? el('p', {}, el('strong', {}, `${head}. `), w(text)) : null);
    const observations = (name, list) => [el('h3', {}, name), list.length ? list.map((x, i) => el('div', { class: 'observation' },
      el('h4', {}, `${i + 1}. ${w(x.title)}`), part('Observation', x.observation), part('Analysis', x.analysis),
      part('Recommendation', x.recommendation), this.references(x)))
      : el('p', {}, 'None drawn from the log.')];
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'print-report', onclick: () => window.print() }, 'Print or save as PDF'),
      owner && !report.released ? el('button', { type: 'button', id: 'edit-report', onclick: () => this.edit(report) }, 'Edit') : null,
      owner && !report.released && this.review.exercise.phase === 'ENDED'
        ? el('button', { type: 'button', id: 'release-report', onclick: () => this.release() }, 'Release to players') : null);
    const charts = el('div', { class: 'report-charts', id: 'report-charts' });
    fill(document.getElementById('report'), el('h2', {}, `After-action report: ${o.title}`), actions,
      el('p', { class: 'muted', id: 'report-status' }, report.released ? `Released ${report.released}` : 'Draft, not released to players'
        + (report.editedBy ? ` · edited by ${report.editedBy}` : ' · drafted from the log')),
      el('h3', {}, 'Overview'),
      el('p', {}, `${o.scenario}${o.caseStudy ? ` (${o.caseStudy})` : ''} · ${o.dates} · ${label(o.mode)} adjudication`),
      el('p', {}, `Participants: ${o.participants.join(', ') || 'none recorded'}`),
      el('ul', {}, o.objectives.map(x => el('li', {}, w(x)))), el('p', { id: 'report-summary' }, w(o.summary)),
      el('h3', {}, 'The exercise in figures'), charts,
      el('div', { id: 'report-strengths' }, observations('Strengths', report.strengths)),
      el('div', { id: 'report-improvements' }, observations('Areas for improvement', report.improvements)),
      el('h3', {}, 'Improvement plan'),
      el('table', { id: 'plan' }, el('thead', {}, el('tr', {}, ['Area for improvement', 'Corrective action', 'References', 'Responsible',
        'Start', 'Completion'].map(h => el('th', {}, h)))), el('tbody', {}, report.plan.map(p => el('tr', {},
        el('td', {}, w(p.area)), el('td', {}, w(p.correctiveAction)), el('td', {}, this.findings(p.findings).join(', ')), el('td', {}, p.responsible),
        el('td', {}, p.start), el('td', {}, p.completion))))));
    this.charts(charts);
  }

  references(x) {
    const ids = this.findings(x.findings);
    const turns = (x.turns || []).length ? `turn${x.turns.length > 1 ? 's' : ''} ${x.turns.join(', ')}` : '';
    if (!ids.length && !turns) return null;
    return el('p', { class: 'muted' }, [ids.length ? `Findings: ${ids.join(', ')}` : '', turns].filter(Boolean).join(' · '));
  }

  /** Tension and both sides' trust and domestic support, drawn into the report so that print and PDF carry them. */
  charts(host) {
    const r = this.review;
    const turns = r.turns.map(t => t.turn);
    const both = v => SIDES.map((s, i) => ({ label: this.replay.sideLabel(s), stroke: i ? 'series-2' : 'series-1', values: r.turns.map(t => t.state.sides[s][v]) }));
    lineChart(host, { title: 'Tension', turns, lastTurn: r.exercise.turns, height: 150,
      series: [{ label: 'Tension', stroke: 'series-tension', values: r.turns.map(t => t.state.tension) }] });
    lineChart(host, { title: 'Trust', turns, lastTurn: r.exercise.turns, height: 150, series: both('trust') });
    lineChart(host, { title: 'Domestic support', turns, lastTurn: r.exercise.turns, height: 150, series: both('domesticSupport') });
  }

  async release() {
    if (!await confirmDialog({ title: 'Release the review to the players?',
      body: 'Players will be able to read the whole review and this report. The report can no longer be edited afterwards.',
      confirm: 'Release' })) return;
    try {
      this.show(await request('POST', `${this.path}/release`, {}, this.token));
      toast('The review is released to the players.', 'ok');
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  /** A form over the report; saving replaces the draft with the facilitator's version. */
  edit(report) {
    const draft = structuredClone(report);
    const form = el('form', { class: 'report-edit', id: 'report-form' });
    const redraw = () => fill(form,
      el('label', {}, 'Summary', text(draft.overview.summary, v => { draft.overview.summary = v; })),
      el('label', {}, 'Objectives (one a line)', text(draft.overview.objectives.join('\n'),
        v => { draft.overview.objectives = v.split('\n').map(s => s.trim()).filter(Boolean); })),
      this.list('Strengths', 'strength', draft.strengths, EMPTY_OBSERVATION, redraw, observationFields),
      this.list('Areas for improvement', 'improvement', draft.improvements, EMPTY_OBSERVATION, redraw, observationFields),
      this.list('Improvement plan', 'plan', draft.plan, EMPTY_ROW, redraw, planFields),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', id: 'save-report' }, 'Save report'),
        el('button', { type: 'button', id: 'cancel-report', onclick: () => this.show(report) }, 'Cancel')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        this.show(await request('POST', `${this.path}/report`, draft, this.token));
        toast('Report saved.', 'ok');
      } catch (err) {
        toast(err.message, 'error');
      }
    });
    redraw();
    fill(document.getElementById('report'), el('h2', {}, 'Edit the after-action report'), form);
  }

  /** One editable list: each entry with Move up, Move down and Remove, and an Add button under it. */
  list(title, kind, items, empty, redraw, fields) {
    const move = (i, by) => { const [x] = items.splice(i, 1); items.splice(i + by, 0, x); redraw(); };
    return el('fieldset', { class: 'report-list', id: `edit-${kind}s` }, el('legend', {}, title),
      items.map((x, i) => el('fieldset', { class: 'observation', 'data-kind': kind, 'data-index': i },
        el('legend', {}, `${i + 1}. ${x.title || x.area || '(new)'}`),
        fields(x),
        el('div', { class: 'row' },
          el('button', { type: 'button', class: 'small', 'data-action': 'up', disabled: i === 0, onclick: () => move(i, -1) }, 'Move up'),
          el('button', { type: 'button', class: 'small', 'data-action': 'down', disabled: i === items.length - 1, onclick: () => move(i, 1) }, 'Move down'),
          el('button', { type: 'button', class: 'small danger', 'data-action': 'remove', onclick: () => { items.splice(i, 1); redraw(); } }, 'Remove')))),
      el('button', { type: 'button', class: 'small', id: `add-${kind}`, onclick: () => { items.push(empty()); redraw(); } },
        `Add ${kind === 'plan' ? 'a plan row' : kind === 'strength' ? 'a strength' : 'an area for improvement'}`));
  }
}

function text(value, set, multi = true) {
  const input = multi ? el('textarea', { value }) : el('input', { type: 'text', value });
  input.addEventListener('input', () => set(input.value));
  return input;
}

function observationFields(x) {
  return ['title', 'observation', 'analysis', 'recommendation'].map(k => el('label', { 'data-field': k }, label(k),
    text(x[k], v => { x[k] = v; }, k !== 'title')));
}

function planFields(p) {
  return [['area', 'Area for improvement'], ['correctiveAction', 'Corrective action'], ['responsible', 'Responsible'], ['start', 'Start'],
    ['completion', 'Completion']].map(([k, name]) => el('label', { 'data-field': k }, name, text(p[k], v => { p[k] = v; }, k === 'correctiveAction')));
}
