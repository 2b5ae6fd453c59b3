// Checking a scenario file before it is added: the server reads it with its own rules and lists each
// problem by file, line and field.
import { el, fill } from './dom.js';

export function scenarioCheckPanel(call) {
  const file = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml' });
  const result = el('div', { id: 'scenario-check', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', class: 'primary', id: 'scenario-check-button' }, 'Check the file');
  const form = el('form', { id: 'scenario-form' },
    el('p', { class: 'muted' }, 'The server reads the file with the same rules as its own scenarios (docs/scenarios.md) and lists every problem. '
      + 'A file without problems is offered once it is in the folder given by --hotline.scenarios.folder and the server restarts.'),
    el('div', { class: 'row' }, el('label', { for: 'scenario-file' }, 'Scenario file (.yaml)'), file, button), result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) { fill(result, el('p', { class: 'error-text', role: 'alert' }, 'Choose a .yaml file first.')); return; }
    fill(result, el('p', { class: 'muted' }, 'Checking…'));
    try {
      const checked = await call('POST', '/api/scenarios/check', { fileName: chosen.name, text: await chosen.text() });
      fill(result, checked.ok
        ? el('p', { class: 'ok-text', id: 'scenario-ok' }, `No problems: “${checked.title}” (${checked.id}), ${checked.turns} turns.`)
        : [el('p', { class: 'error-text', role: 'alert' }, `${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}: the file would be refused.`),
          el('table', { class: 'grid', id: 'scenario-problems' },
            el('thead', {}, el('tr', {}, ['File', 'Line', 'Field', 'Problem'].map(h => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, checked.problems.map(p => el('tr', {}, el('td', {}, p.file), el('td', { class: 'num' }, p.line ? String(p.line) : '–'),
              el('td', { class: 'mono' }, p.field), el('td', {}, p.message)))))]);
    } catch (error) {
      fill(result, el('p', { class: 'error-text', role: 'alert' }, error.message));
    }
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'scenarios-h' }, el('h2', { id: 'scenarios-h' }, 'Check a scenario file'), form);
}
