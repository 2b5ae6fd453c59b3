// Checking a scenario file and adding it: the server reads it with its own rules and lists each
// problem by file, line and field; a clean file can then be added, and is offered at once.
import { el, fill } from './dom.js';

export function scenarioCheckPanel(call) {
  const file = el('input', { type: 'file', id: 'scenario-file', accept: '.yaml,.yml' });
  const result = el('div', { id: 'scenario-check', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', class: 'primary', id: 'scenario-check-button' }, 'Check the file');
  const form = el('form', { id: 'scenario-form' },
    el('p', { class: 'muted' }, 'The server reads the file with the same rules as its own scenarios (docs/scenarios.md) and lists every problem. '
      + 'A file without problems can be added: it is stored in the server’s scenarios folder and offered for new exercises at once.'),
    el('div', { class: 'row' }, el('label', { for: 'scenario-file' }, 'Scenario file (.yaml)'), file, button), result);
  const problems = checked => [
    el('p', { class: 'error-text', role: 'alert' }, `${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}: the file would be refused.`),
    el('table', { class: 'grid', id: 'scenario-problems' },
      el('thead', {}, el('tr', {}, ['File', 'Line', 'Field', 'Problem'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, checked.problems.map(p => el('tr', {}, el('td', {}, p.file), el('td', { class: 'num' }, p.line ? String(p.line) : '–'),
        el('td', { class: 'mono' }, p.field), el('td', {}, p.message)))))];
  const send = async (path, chosen) => call('POST', path, { fileName: chosen.name, text: await chosen.text() });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const chosen = file.files[0];
    if (!chosen) { fill(result, el('p', { class: 'error-text', role: 'alert' }, 'Choose a .yaml file first.')); return; }
    fill(result, el('p', { class: 'muted' }, 'Checking…'));
    try {
      const checked = await send('/api/scenarios/check', chosen);
      if (!checked.ok) { fill(result, problems(checked)); return; }
      const add = el('button', { type: 'button', class: 'primary', id: 'scenario-add' }, 'Add it to the server');
      add.addEventListener('click', async () => {
        add.disabled = true;
        try {
          const added = await send('/api/scenarios/add', chosen);
          fill(result, el('p', { class: 'ok-text', id: 'scenario-added' },
            `Added: “${added.title}” (${added.id}) is offered for new exercises now.`));
        } catch (error) {
          // A 422 carries the problems found when adding (another file took the id meanwhile, …).
          fill(result, error.body?.problems ? problems(error.body) : el('p', { class: 'error-text', role: 'alert' }, error.message));
        }
      });
      fill(result, el('p', { class: 'ok-text', id: 'scenario-ok' }, `No problems: “${checked.title}” (${checked.id}), ${checked.turns} turns.`), add);
    } catch (error) {
      fill(result, el('p', { class: 'error-text', role: 'alert' }, error.message));
    }
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'scenarios-h' }, el('h2', { id: 'scenarios-h' }, 'Check and add a scenario file'), form);
}
