// What the results mean in words for the players: the sentences without their citation brackets (the
// finding ids become expandable references), and the deals accepted this turn with whether each side
// kept its part.
import { el, label } from './dom.js';
import { request, tokenFor } from './api.js';
import { SIDES, sideLabel, issueName } from './model.js';

const CITATION = /\s*\[((?:CS\d|[BKMFR]\d)(?:,\s*(?:CS\d|[BKMFR]\d))*)\]/g;

/** A narrative sentence as people read it, and the finding ids it cited. */
export function plain(text) {
  const ids = [];
  const words = String(text || '').replace(CITATION, (all, list) => {
    ids.push(...list.split(',').map(s => s.trim()));
    return '';
  }).replace(/\s+\./g, '.').replaceAll(' -> ', ' → ').trim();
  return { words, ids: [...new Set(ids)] };
}

/** The move a side played on an issue in this result. */
function played(result, side, issueId) {
  const order = result.orders?.[side]?.[issueId];
  if (order?.move) return order.move;
  const issue = (result.issues || []).find(i => i.issueId === issueId);
  return (side === 'WASHINGTON' ? issue?.washingtonMove : issue?.moscowMove) || 'HOLD';
}

/** For one side's part of a deal: kept (every promised move played) and what it played instead. */
function part(model, result, side, terms) {
  const broken = Object.entries(terms || {}).filter(([issue, move]) => played(result, side, issue) !== move)
    .map(([issue, move]) => `${issueName(model, issue)}: ${label(played(result, side, issue))}, not ${label(move)}`);
  return broken.length ? `${sideLabel(model, side)} did not keep its part (${broken.join('; ')}).`
    : `${sideLabel(model, side)} kept its part.`;
}

/** For an accepted proposal whose turn has results: whether each side kept its part, in words; otherwise null. */
export function dealVerdict(model, p) {
  const result = model.results.find(r => r.turn === p.turn);
  if (!result || p.status !== 'ACCEPTED') return null;
  const other = SIDES.find(s => s !== p.from);
  return `${part(model, result, p.from, p.offered)} ${part(model, result, other, p.requested)}`;
}

export function dealsView(model, result) {
  const deals = [...model.proposals.values()].filter(p => p.turn === result.turn && p.status === 'ACCEPTED');
  if (!deals.length) return null;
  return el('div', { class: 'deals', 'aria-label': 'Deals this turn' }, el('h4', {}, deals.length > 1 ? 'Deals accepted this turn' : 'The deal accepted this turn'),
    deals.map(p => {
      const other = SIDES.find(s => s !== p.from);
      const terms = (title, map) => {
        const list = Object.entries(map || {}).map(([issue, move]) => `${issueName(model, issue)} — ${label(move)}`).join('; ');
        return list ? `${title}: ${list}` : '';
      };
      return el('div', { class: 'deal', 'data-proposal': p.proposalId },
        el('p', {}, `${sideLabel(model, p.from)} proposed, ${sideLabel(model, other)} accepted. `,
          [terms(`${sideLabel(model, p.from)} would play`, p.offered), terms(`${sideLabel(model, other)} would play`, p.requested)].filter(Boolean).join('. '), '.'),
        el('p', { class: 'deal-kept' }, part(model, result, p.from, p.offered), ' ', part(model, result, other, p.requested)));
    }));
}

// ---------------------------------------------------------------- the team's debrief (from the server)

/**
 * One team's debrief of each published turn (GET /api/exercises/{id}/debrief), asked once for each
 * new turn: a player asks for its own team's, the exercise's facilitator for either team's.
 */
export class TeamDebriefs {
  constructor(exerciseId, side, role, { loaded, failed }) {
    this.exerciseId = exerciseId;
    this.side = side;
    this.role = role;
    this.loaded = loaded;
    this.failed = failed;
    this.accounts = new Map();   // turn -> the account
    this.asked = new Set();
    this.loading = false;
  }

  get(turn) {
    return this.accounts.get(turn);
  }

  /** Asks for the published turns not yet asked for; calls `loaded` once they are here. */
  refresh(results) {
    if (this.loading || !results.some(r => !this.accounts.has(r.turn) && !this.asked.has(r.turn))) return;
    this.loading = true;
    results.forEach(r => this.asked.add(r.turn));
    const whose = this.role === 'FACILITATOR' ? `?side=${this.side}` : '';
    request('GET', `/api/exercises/${encodeURIComponent(this.exerciseId)}/debrief${whose}`, undefined, tokenFor(this.exerciseId, this.role))
      .then(accounts => {
        for (const a of accounts) this.accounts.set(a.turn, a);
        this.loading = false;
        this.loaded();
      })
      .catch(error => {
        this.loading = false;
        this.failed(error);
      });
  }
}

/** Each variable the team may see, changed once this turn, with its causes in words. */
export function changesView(account) {
  if (!account?.changes?.length && !account?.overall?.length) return null;
  return el('div', { class: 'panel debrief-changes', 'aria-label': 'What changed for your team' },
    el('h2', {}, 'What changed for your team'),
    (account.overall || []).map(text => el('p', { class: 'overall' }, text)),
    // The change itself in bold, its causes after it; only the bullet carries the colour (a whole red list reads as an alarm).
    el('ul', { class: 'changes' }, account.changes.map(c => {
      const [head, ...causes] = c.text.split(', because of ');
      return el('li', { class: c.better === true ? 'better' : c.better === false ? 'worse' : '', 'data-variable': c.variable },
        el('b', {}, head), causes.length ? `, because of ${causes.join(', because of ')}` : '');
    })));
}

/** The deals accepted this turn, each with whether it was honoured, as the server tells the team. */
export function accountDeals(account) {
  if (!account?.deals?.length) return null;
  return el('div', { class: 'deals', 'aria-label': 'Deals this turn' },
    el('h4', {}, account.deals.length > 1 ? 'Deals accepted this turn' : 'The deal accepted this turn'),
    account.deals.map(d => el('p', { class: `deal ${d.honoured ? 'deal-honoured' : 'deal-broken'}`, 'data-proposal': d.proposalId }, d.text)));
}

/** One issue told to the team: what each side did, how it read the other, the rolls that decided it. */
export function accountIssue(account, issueId) {
  const issue = account?.issues?.find(i => i.issueId === issueId);
  return issue ? { words: issue.sentences.join(' '), ids: issue.findings || [] } : null;
}
