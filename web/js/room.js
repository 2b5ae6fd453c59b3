// The facilitator's view of the room: who is connected now, and every proposal and accepted deal of
// the exercise with its state.
import { el, fill, label, time } from './dom.js';
import { request, tokenFor } from './api.js';
import { SIDES, sideLabel, issueName } from './model.js';
import { dealVerdict } from './debrief.js';

/** Polls GET /api/exercises/{id}/presence; calls back with the set of connected player ids. */
export function watchPresence(model, onChange, everyMs = 10000) {
  const poll = async () => {
    try {
      const presence = await request('GET', `/api/exercises/${encodeURIComponent(model.view.id)}/presence`, undefined,
        tokenFor(model.view.id, 'FACILITATOR'));
      model.connected = new Set(presence.connected || []);
      onChange();
    } catch {
      // Unknown for now; the next poll tries again.
    }
  };
  poll();
  return setInterval(poll, everyMs);
}

export function proposalsPanel() {
  return el('section', { class: 'panel', id: 'deals-panel', 'aria-labelledby': 'deals-h' }, el('h2', { id: 'deals-h' }, 'Proposals and deals'),
    el('div', { id: 'deals' }, el('p', { class: 'muted' }, 'No proposals yet.')));
}

function terms(model, map) {
  return Object.entries(map || {}).map(([issue, move]) => `${issueName(model, issue)} — ${label(move)}`).join('; ') || 'nothing';
}

/** Every proposal, newest turn first; accepted ones (deals) marked, each with its terms in words. */
export function updateProposals(model) {
  const host = document.getElementById('deals');
  const all = [...model.proposals.values()].sort((a, b) => b.turn - a.turn || b.seq - a.seq);
  if (!all.length) { fill(host, el('p', { class: 'muted' }, 'No proposals yet.')); return; }
  const deals = all.filter(p => p.status === 'ACCEPTED');
  fill(host,
    el('p', { class: 'muted' }, `${all.length} proposal${all.length === 1 ? '' : 's'}, ${deals.length} accepted.`),
    el('ul', { class: 'feed' }, all.map(p => {
      const other = SIDES.find(s => s !== p.from);
      return el('li', { class: `proposal ${p.status}`, 'data-proposal': p.proposalId },
        el('div', { class: 'row' }, el('b', { class: `side-${p.from}` }, `Turn ${p.turn}: ${sideLabel(model, p.from)}`),
          p.name ? el('span', { class: 'muted' }, `(${p.name}) ${time(p.time)}`) : null, el('span', { class: 'grow' }),
          el('span', { class: `tag ${p.status === 'ACCEPTED' ? 'deal-tag' : ''}` }, p.status === 'ACCEPTED' ? 'Deal' : label(p.status))),
        el('div', { class: 'terms' }, `${sideLabel(model, p.from)} plays ${terms(model, p.offered)}; ${sideLabel(model, other)} plays ${terms(model, p.requested)}`),
        p.counterTo ? el('div', { class: 'muted' }, `a counter to ${model.proposals.get(p.counterTo)?.name ? `${model.proposals.get(p.counterTo).name}’s` : 'an earlier'} proposal`) : null,
        p.text ? el('div', { class: 'text' }, p.text) : null,
        dealVerdict(model, p) ? el('div', { class: 'deal-kept' }, dealVerdict(model, p)) : null);
    })));
}
