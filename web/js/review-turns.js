// The review's replay: the whole state after each turn, charts over the turns with the cursor on the
// chosen one, and the decision log of that turn (orders, readings, rolls, effects, the facilitator).
import { el, fill, setText, label, fmt, num } from './dom.js';
import { SIDES, SIDE_FIELDS, variableName, plainPaths } from './model.js';
import { lineChart } from './charts.js';
import { findingChips } from './widgets.js';

export class Replay {
  constructor(review) {
    this.review = review;
    this.turn = review.turns.length ? review.turns[review.turns.length - 1].turn : 0;
    this.plots = [];
  }

  sideLabel(side) {
    return this.review.exercise.sides[side] || label(side);
  }

  issueName(id) {
    return this.review.exercise.issues.find(i => i.id === id)?.name || id;
  }

  section() {
    const prev = el('button', { type: 'button', id: 'prev-turn', onclick: () => this.step(-1) }, '◀ Previous');
    const next = el('button', { type: 'button', id: 'next-turn', onclick: () => this.step(1) }, 'Next ▶');
    return el('section', { id: 'replay' }, el('h2', {}, 'Replay'),
      el('div', { class: 'stepper' }, prev, el('span', { class: 'turn-label', id: 'turn-label', 'aria-live': 'polite' }), next),
      el('div', { class: 'replay-body' }, el('div', { id: 'state-table' }), el('div', { class: 'charts-grid', id: 'review-charts' })));
  }

  step(delta) {
    const turns = this.review.turns.map(t => t.turn);
    const at = turns.indexOf(this.turn) + delta;
    if (at >= 0 && at < turns.length) {
      this.turn = turns[at];
      this.show();
    }
  }

  show() {
    const r = this.review;
    const point = r.turns.find(t => t.turn === this.turn);
    const turns = r.turns.map(t => t.turn);
    setText(document.getElementById('turn-label'), this.turn === 0 ? 'Start (turn 0)' : `After turn ${this.turn}`);
    document.getElementById('prev-turn').disabled = turns.indexOf(this.turn) <= 0;
    document.getElementById('next-turn').disabled = turns.indexOf(this.turn) >= turns.length - 1;
    if (point) fill(document.getElementById('state-table'), this.stateTable(point));
    for (const plot of this.plots) plot.setCursor({ left: plot.valToPos(this.turn, 'x'), top: 0 });
    fill(document.getElementById('decisions'), this.decisions());
    for (const row of document.querySelectorAll('#history tr[data-turn]')) {
      row.classList.toggle('current', Number(row.dataset.turn) === this.turn);
    }
  }

  stateTable(point) {
    const s = point.state;
    const side = v => SIDES.map(x => (typeof s.sides[x][v] === 'boolean' ? (s.sides[x][v] ? 'yes' : 'no') : fmt(s.sides[x][v], 1)));
    return el('table', { id: 'turn-state' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Variable'), SIDES.map(x => el('th', { class: `side-${x}` }, this.sideLabel(x))))),
      el('tbody', {},
        el('tr', {}, el('td', {}, 'Tension'), el('td', { colspan: 2 }, fmt(s.tension, 1))),
        el('tr', {}, el('td', {}, 'Conflict'), el('td', { colspan: 2 }, s.conflict ? 'yes' : 'no')),
        SIDE_FIELDS.filter(v => v !== 'champion').map(v => el('tr', {}, el('td', {}, variableName(v)), side(v).map(x => el('td', {}, x)))),
        point.scores ? ['interests', 'security', 'costs'].map(k => el('tr', {}, el('td', {}, `Score: ${k}`),
          SIDES.map(x => el('td', {}, fmt(point.scores.sides[x][k], 1))))) : null,
        point.scores ? el('tr', {}, el('td', {}, 'Stability'), el('td', { colspan: 2 }, fmt(point.scores.stability, 1))) : null,
        Object.values(s.issues).map(i => el('tr', {}, el('td', {}, this.issueName(i.id)),
          el('td', { colspan: 2 }, `${label(i.status)} · balance ${fmt(i.balance, 1)}`)))));
  }

  drawCharts() {
    const host = document.getElementById('review-charts');
    const r = this.review;
    const turns = r.turns.map(t => t.turn);
    const lastTurn = r.exercise.turns;
    const both = variable => SIDES.map((x, i) => ({ label: this.sideLabel(x), stroke: i ? 'series-2' : 'series-1',
      values: r.turns.map(t => t.state.sides[x][variable]) }));
    const charts = [
      ['Tension', [{ label: 'Tension', stroke: 'series-tension', values: r.turns.map(t => t.state.tension) }]],
      ['Trust', both('trust')],
      ['Threat perception', both('threatPerception')],
      ['Domestic support', both('domesticSupport')],
      ['Costs: burden and strain', [
        { label: `${this.sideLabel('WASHINGTON')} burden`, stroke: 'series-1', values: r.turns.map(t => t.state.sides.WASHINGTON.burden) },
        { label: `${this.sideLabel('MOSCOW')} strain`, stroke: 'series-2', values: r.turns.map(t => t.state.sides.MOSCOW.strain) }]],
      ['Stability score', [{ label: 'Stability', stroke: 'series-3', values: r.turns.map(t => (t.scores ? t.scores.stability : null)) }]],
    ];
    this.plots = charts.map(([title, series]) => lineChart(host, { title, turns, series, height: 160, lastTurn }));
  }

  decisions() {
    const d = this.review.decisions.find(x => x.turn === this.turn);
    const head = el('h2', {}, `Decision log · turn ${this.turn}`);
    if (!d) return [head, el('p', { id: 'no-decisions' }, this.turn === 0 ? 'The start: no orders yet.' : 'No adjudication recorded for this turn.')];
    const order = (o, side) => [el('strong', { class: `side-${side}` }, label(o.move)), o.redLine ? ' (red line)' : '',
      o.argument ? el('div', { class: 'muted' }, `“${o.argument}”`) : null,
      d.ratings?.[side]?.[o.issueId] !== undefined ? el('div', {}, `Rated ${d.ratings[side][o.issueId]}`) : null];
    const effects = list => list.map(x => el('div', {}, `${this.variable(x.variable)}: ${num(x.before)} → ${num(x.after)} (${x.reason})`,
      findingChips(x.findings)));
    const table = el('table', { class: 'decision-table' },
      el('thead', {}, el('tr', {}, ['Issue', this.sideLabel('WASHINGTON'), `Read by ${this.sideLabel('MOSCOW')}`, this.sideLabel('MOSCOW'),
        `Read by ${this.sideLabel('WASHINGTON')}`, 'Status', 'Rolls', 'Effects (engine)'].map(h => el('th', {}, h)))),
      el('tbody', {}, d.issues.filter(i => i.washington.move !== 'HOLD' || i.moscow.move !== 'HOLD' || i.effects.length)
        .map(i => el('tr', { 'data-issue': i.issueId },
          el('td', {}, i.issue, findingChips(i.findings)),
          el('td', {}, order(i.washington, 'WASHINGTON')),
          el('td', { class: i.washingtonAsReadByMoscow !== i.washington.move ? 'diverged' : '' }, label(i.washingtonAsReadByMoscow)),
          el('td', {}, order(i.moscow, 'MOSCOW')),
          el('td', { class: i.moscowAsReadByWashington !== i.moscow.move ? 'diverged' : '' }, label(i.moscowAsReadByWashington)),
          el('td', {}, `${label(i.before)} → ${label(i.after)}`), el('td', {}, rolls(i.rolls)), el('td', {}, effects(i.effects))))));
    const f = d.facilitator;
    const versions = el('div', { class: 'versions', id: 'versions' },
      el('div', {}, el('h3', {}, 'Engine'), el('p', {}, plainPaths(d.engineSummary, this.review.exercise.sides, this.review.exercise.issues)), effects(d.otherEffects), rolls(d.otherRolls)),
      el('div', {}, el('h3', {}, 'Facilitator'), f ? [el('p', {}, el('strong', {}, label(f.decision)), ': ', plainPaths(f.summary, this.review.exercise.sides, this.review.exercise.issues)),
        el('p', { class: 'rationale' }, `Rationale: ${f.rationale}`),
        f.changes?.length ? el('p', {}, 'Changes: ', f.changes.map(c => `${this.variable(c.variable)} ${c.delta !== null && c.delta !== undefined
          ? (c.delta > 0 ? '+' : '') + c.delta : `set to ${c.set}`}`).join('; ')) : null]
        : el('p', {}, d.decidedBy === 'ENGINE' ? 'The engine’s result stood (automatic mode).' : 'No decision recorded.')));
    return [head, d.defaulted.length ? el('p', {}, `Played Hold by default (no orders): ${d.defaulted.map(s => this.sideLabel(s)).join(', ')}`) : null,
      table, versions];
  }

  variable(path) {
    return variableName(path, this.review.exercise.sides, this.review.exercise.issues);
  }
}

/** A roll as the engine drew it: the odds as a percentage, the draw as the number it is (0.075, not "7"). */
export function rollText(x) {
  return `${x.purpose}: ${fmt(x.odds * 100, 0)}% chance; drew ${fmt(x.draw, 3)} (${x.success ? 'under the odds: it happened' : 'over the odds: it did not'})`;
}

function rolls(list) {
  return list.map(x => el('div', {}, rollText(x), findingChips(x.findings)));
}
