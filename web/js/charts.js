// Line charts by turn (uPlot), shared by the consoles, the projector and the review. Colours come
// from the page's stylesheet (--chart-axis, --chart-grid, --series-1…) so that the projector's dark
// theme keeps WCAG AA contrast: labels 4.5:1, lines 3:1 against the panel.
import uPlot from 'uplot';
import { el } from './dom.js';

const FALLBACK = { '--chart-axis': '#3d4653', '--chart-grid': '#d5dae1', '--series-1': '#1b4d8c', '--series-2': '#8e2b2b',
  '--series-3': '#1f6b3a', '--series-4': '#8a5200', '--series-tension': '#b0321f' };

/** A colour of the page's chart palette, e.g. colour('series-2'). */
export function colour(name) {
  const key = `--${name}`;
  return getComputedStyle(document.body).getPropertyValue(key).trim() || FALLBACK[key] || '#000';
}

const one = (u, v) => (v === null || v === undefined ? '–' : v.toFixed(1));

/**
 * A chart of values over the turns: x runs from turn 0 to the last turn played (at least to
 * `lastTurn`, so one point at turn 0 does not stretch the axis to T100), y from 0 to 100.
 * @param series [{label, stroke (a palette name), values}]
 */
export function lineChart(host, { title, turns, series, height = 110, lastTurn = 1 }) {
  const box = el('figure', { class: 'chart', 'aria-label': `${title} by turn` }, el('h4', {}, title));
  host.append(box);
  const axis = colour('chart-axis');
  const grid = colour('chart-grid');
  // The projector's stylesheet asks for taller charts and larger axis labels (--chart-height, --chart-font).
  const tall = Number(getComputedStyle(document.body).getPropertyValue('--chart-height')) || height;
  const font = getComputedStyle(document.body).getPropertyValue('--chart-font').trim() || '12px system-ui, sans-serif';
  const axisStyle = { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  // uPlot widens a single-valued x range by itself (one point at turn 0 gave T0…T100): the turns are set here instead.
  const turnsShown = u => ({ min: 0, max: Math.max(u.data[0]?.length ? u.data[0][u.data[0].length - 1] : 0, lastTurn, 1) });
  const plot = new uPlot({
    width: Math.max(200, Math.floor(box.clientWidth || host.clientWidth || 260)), height: tall,
    legend: { show: series.length > 1 },
    // No horizontal crosshair: a cursor set from code would leave a dashed line across the chart.
    cursor: { y: false },
    scales: { x: { time: false, range: u => { const t = turnsShown(u); return [t.min, t.max]; } }, y: { range: [0, 100] } },
    hooks: { setData: [u => u.setScale('x', turnsShown(u))] },
    axes: [{ ...axisStyle, size: Math.round(parseFloat(font) * 2.3), incrs: [1, 2, 5, 10, 20, 50, 100], values: (u, v) => v.map(t => (Number.isInteger(t) ? `T${t}` : '')) },
      { ...axisStyle, size: Math.round(parseFloat(font) * 3.4) }],
    series: [{ label: 'Turn', value: (u, v) => (v === null || v === undefined ? '–' : `T${v}`) },
      ...series.map(s => {
        const stroke = colour(s.stroke);
        return { label: s.label, stroke, width: 2.5, points: { size: 6, fill: stroke, stroke }, value: one };
      })],
  }, [turns, ...series.map(s => s.values)], box);
  plot.setScale('x', turnsShown(plot));
  // Follows its box when the window or the layout changes (a projector resized to full screen).
  new ResizeObserver(() => {
    const width = Math.max(200, Math.floor(box.clientWidth));
    if (Math.abs(width - plot.width) > 4) plot.setSize({ width, height: tall });
  }).observe(box);
  return plot;
}
