// Computer-played teams on the facilitator console (docs/protocol.md section 8): give a team to a
// strategy before the start or between turns, replace a team's players by one, give it back to
// people; and, for each computer-played team, its strategy, its argument and the reason for each of
// its last orders. Loaded by facilitator.html beside the console; the server decides who may do this.
import { el, fill, setText, param, label, toast } from './dom.js';
import { request, account } from './api.js';
import { confirmDialog } from './alerts.js';

const exerciseId = param('x');
const SIDES = ['WASHINGTON', 'MOSCOW'];
const REFRESH_MS = 4000;
const TAG = /^\[computer-played: [a-z0-9-]+\]\s*/;

const state = { token: null, strategies: [], view: null, panel: null, body: null, timer: null, shown: '' };

const api = (method, path, body) => request(method, path, body, state.token);
const seatsPath = () => `/api/exercises/${encodeURIComponent(exerciseId)}/computer-seats`;
const sideName = side => state.view?.sides?.[side] || label(side);
const channelName = c => (c === 'PUBLIC' ? 'the public channel' : c === 'DIPLOMACY' ? 'the diplomatic channel'
  : c.startsWith('TEAM_') ? `${sideName(c.slice(5))}’s team channel` : label(c));
const issueName = id => state.view?.issues?.find(i => i.id === id)?.name || id;

/** Waits for the console to draw its Teams panel, then puts this panel under it. */
function mount() {
  const teams = document.getElementById('teams');
  if (!teams) return false;
  state.token = account.get()?.token || null;
  if (!state.token) return true;
  document.head.append(el('link', { rel: 'stylesheet', href: '/css/computer-play.css' }));
  state.body = el('div', { id: 'computer-seats-body' }, el('p', { class: 'muted' }, 'Loading…'));
  state.panel = el('section', { class: 'panel computer-seats', id: 'computer-seats', 'aria-labelledby': 'computer-seats-h' },
    el('h2', { id: 'computer-seats-h' }, 'Computer-played teams'),
    el('p', { class: 'muted' }, 'A strategy plays a team from what that team may see: it answers proposals, argues, and submits as soon as Orders opens.'),
    state.body);
  teams.closest('section').after(state.panel);
  start();
  return true;
}

async function start() {
  try {
    const [setup, view] = await Promise.all([api('GET', '/api/analyses/setup'), api('GET', `/api/exercises/${encodeURIComponent(exerciseId)}`)]);
    // historical plays a case study's track; a strategy the scenario cannot support is refused by the server anyway
    state.strategies = setup.strategies;
    state.view = view;
  } catch (error) {
    fill(state.body, el('p', { role: 'alert' }, error.message));
    return;
  }
  refresh();
}

async function refresh() {
  clearTimeout(state.timer);
  let seats;
  try {
    seats = await api('GET', seatsPath());
  } catch (error) {
    fill(state.body, el('p', { role: 'alert' }, error.message));
    return;
  }
  // Redrawn only when something changed, so a strategy being chosen is never reset under the pointer.
  const shown = JSON.stringify(seats.map(({ read, ...rest }) => rest));
  if (shown !== state.shown) {
    state.shown = shown;
    fill(state.body, SIDES.map(side => teamBlock(side, seats.find(s => s.side === side))));
  }
  if (seats.some(s => s.playing)) state.timer = setTimeout(refresh, REFRESH_MS);
}

function teamBlock(side, seat) {
  return seat ? computerTeam(side, seat) : peopleTeam(side);
}

function peopleTeam(side) {
  const key = side.toLowerCase();
  const choice = el('select', { id: `computer-strategy-${key}`, 'aria-label': `Strategy for ${sideName(side)}` },
    state.strategies.map(s => el('option', { value: s.id, title: s.description }, s.name)));
  const hint = el('p', { class: 'hint', id: `computer-hint-${key}` });
  const describe = () => setText(hint, state.strategies.find(s => s.id === choice.value)?.argument || '');
  choice.addEventListener('change', describe);
  describe();
  const give = el('button', { type: 'button', id: `computer-give-${key}`, onclick: () => assign(side, choice.value, give) }, 'Give to the computer');
  return el('div', { class: `team-block ${side}`, 'data-side': side, id: `computer-team-${key}` },
    el('div', { class: 'row' }, el('h3', { class: `grow side-${side}` }, sideName(side)), el('span', { class: 'tag' }, 'played by people')),
    el('div', { class: 'row' }, choice, give), hint);
}

async function assign(side, strategy, button) {
  button.disabled = true;
  try {
    // A team with players: the facilitator confirms first that they make way.
    const view = await api('GET', `/api/exercises/${encodeURIComponent(exerciseId)}`);
    const people = view.players.filter(p => p.role === 'PLAYER' && p.side === side).map(p => p.name);
    if (people.length && !await confirmDialog({
      title: `Hand ${sideName(side)} to the computer?`, danger: true, confirm: 'Replace the players',
      body: `${sideName(side)} has players: ${people.join(', ')}. They are told in their team chat, their seats close, and the team’s `
        + 'join code changes; you can give them the observer code to keep following the exercise.',
    })) return;
    await api('POST', seatsPath(), { side, strategy, replace: people.length > 0 });
    toast(`${sideName(side)} is now computer-played${people.length ? '; its players have been told' : ''}.`, 'ok');
  } catch (error) {
    toast(error.message, 'error');
  } finally {
    button.disabled = false;
    refresh();
  }
}

function computerTeam(side, seat) {
  const key = side.toLowerCase();
  const orders = seat.lastOrders.filter(o => o.move !== 'HOLD' || o.reason);
  const status = !seat.playing ? 'stopped (the exercise has ended)'
    : seat.ordersTurn && seat.ordersTurn === seat.turn ? `orders submitted for turn ${seat.turn}`
      : seat.phase ? `${label(seat.phase).toLowerCase()}, turn ${seat.turn}` : 'waiting for the start';
  const back = el('button', { type: 'button', class: 'small', id: `computer-back-${key}`, disabled: !seat.playing,
    onclick: () => giveBack(side, back) }, 'Give back to people');
  return el('div', { class: `team-block ${side} computer-played`, 'data-side': side, id: `computer-team-${key}` },
    el('div', { class: 'row' }, el('h3', { class: `grow side-${side}` }, sideName(side)),
      el('span', { class: 'tag computer-tag', id: `computer-tag-${key}` }, `computer-played: ${seat.strategyName}`)),
    el('p', { class: 'computer-argument' }, el('q', {}, seat.argument)),
    el('p', { class: 'muted', id: `computer-status-${key}` }, `${seat.name} · ${status}`
      + (seat.replaced.length ? ` · took over from ${seat.replaced.join(', ')}` : '')),
    Object.keys(seat.read).length ? el('p', { class: 'muted', id: `computer-reads-${key}` },
      `Reads only: ${Object.keys(seat.read).map(channelName).join(', ')}`) : null,
    // One block per issue, the reason under the move at the column's full width (a three-column table was too narrow to read).
    orders.length ? el('div', { class: 'computer-orders', id: `computer-orders-${key}` },
      el('p', { class: 'muted caption' }, `Its orders for turn ${seat.ordersTurn}, and why`),
      el('ul', {}, orders.map(o => el('li', { 'data-issue': o.issueId },
        el('div', { class: 'order-head' }, el('span', {}, issueName(o.issueId)), el('b', {}, label(o.move))),
        o.reason ? el('p', { class: 'order-reason' }, o.reason.replace(TAG, '')) : null))))
      : el('p', { class: 'muted' }, 'No orders yet.'),
    el('div', { class: 'row' }, back));
}

async function giveBack(side, button) {
  if (!await confirmDialog({ title: `Give ${sideName(side)} back to people?`, confirm: 'Give it back',
    body: 'The computer leaves the team; orders it already submitted stand. The team gets a new join code for the people who take it over.' })) return;
  button.disabled = true;
  try {
    const given = await api('POST', `${seatsPath()}/give-back`, { side });
    toast(given.message, 'ok');
    const cell = document.getElementById(`code-${side.toLowerCase()}`);
    if (cell) setText(cell, given.joinCode);
  } catch (error) {
    toast(error.message, 'error');
    button.disabled = false;
  }
  refresh();
}

if (exerciseId && !mount()) {
  const watcher = new MutationObserver(() => { if (mount()) watcher.disconnect(); });
  watcher.observe(document.body, { childList: true, subtree: true });
}
