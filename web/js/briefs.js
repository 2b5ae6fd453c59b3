// A side's brief as structured text: its summary, then priorities, red lines, bargaining chips,
// likely linkages and domestic constraints, each point with the issues it concerns. Shown word for
// word as the scenario file has it (GET /api/exercises/{id} carries only the briefs the caller may read).
import { el } from './dom.js';

const PARTS = [['priorities', 'Priorities'], ['redLines', 'Red lines'], ['bargainingChips', 'Bargaining chips'],
  ['linkages', 'Likely linkages'], ['constraints', 'Domestic constraints']];

export function briefView(brief, issues, title) {
  if (!brief) return null;
  const name = id => issues.find(i => i.id === id)?.name || id;
  return el('div', { class: 'brief-view' },
    title ? el('h3', {}, title) : null,
    brief.summary ? el('p', { class: 'brief-summary' }, brief.summary) : null,
    PARTS.filter(([key]) => (brief[key] || []).length).map(([key, heading]) => el('section', { class: `brief-part brief-${key}` },
      el('h4', {}, heading),
      el('ul', {}, brief[key].map(point => el('li', {},
        (point.issues || []).length ? el('span', { class: 'brief-issues' }, `${point.issues.map(name).join(', ')}: `) : null,
        point.text))))));
}
