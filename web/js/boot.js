// Opening a console: the seat's token, the exercise as this seat may see it, the live connection.
import { el } from './dom.js';
import { request, tokenFor, seats } from './api.js';
import { createModel, apply } from './model.js';
import { Live } from './live.js';
import { connStatus, banner, tickClock, updateTopbar, topbar } from './widgets.js';
import { announceEvents, announcePhase, retireStale } from './alerts.js';
import { EVENT } from './events.js';

/**
 * @param role   the role the page is for (FACILITATOR uses the account token)
 * @param topics (view) => topic suffixes to subscribe
 * @param build  (model, live) => page object with update(changed)
 * @param accept event => whether the page applies it (the projector keeps only PUBLIC events)
 */
export async function openExercise(role, topics, build, accept = () => true) {
  const exerciseId = new URLSearchParams(location.search).get('x');
  document.body.prepend(topbar(role));
  const token = exerciseId && tokenFor(exerciseId, role);
  if (!token) {
    stop(role === 'FACILITATOR'
      ? 'Sign in as a facilitator on the start page first.'
      : 'This browser holds no seat in this exercise. Join with your code on the start page.');
    return;
  }
  let view;
  for (let attempt = 0; ; attempt++) {
    try {
      view = await request('GET', `/api/exercises/${encodeURIComponent(exerciseId)}`, undefined, token);
      break;
    } catch (error) {
      if (error.status === 0 || error.status >= 500) {
        // The server is down or restarting: keep trying, the page comes up by itself.
        connStatus('reconnecting', 'Server unreachable – retrying…');
        await new Promise(r => setTimeout(r, Math.min(8000, 1000 * 2 ** attempt)));
        continue;
      }
      if (error.status === 401 && role !== 'FACILITATOR') seats.clear(exerciseId);
      stop(`${error.message} `);
      return;
    }
  }
  const model = createModel(view);
  let page;
  let wasLive = false;   // a catch-up after the first one (a reconnect) may cross a phase change
  const live = new Live(exerciseId, token, topics(view), {
    onEvents: (events, news) => {
      const accepted = events.filter(accept);
      const phaseBefore = model.phase;
      const changed = apply(model, accepted);
      updateTopbar(model);
      page.update(changed);
      if (news) announceEvents(model, accepted.filter(e => e.type !== EVENT.INJECT_RELEASED || e.channel !== 'STAFF' || role === 'FACILITATOR'),
        side => model.view.sides?.[side] || side);
      else model.wasPaused = model.paused;
      // A catch-up is history, but the phase it ends in is news for whoever is looking at the screen.
      if (!news && wasLive && phaseBefore !== model.phase && !['LOBBY', 'ENDED'].includes(model.phase)) announcePhase(model.turn, model.phase);
      retireStale(model);
      if (model.phase === 'ENDED') banner(`The exercise has ended${model.ended?.reason ? ': ' + model.ended.reason : ''}.`);
    },
    onStatus: (state, detail) => {
      connStatus(state, detail);
      if (state === 'live') {
        wasLive = true;
        page?.connected?.();
      }
    },
    onError: error => page.refused(error),
    onFatal: message => {
      connStatus('fatal', 'Disconnected');
      // A seat's token refused: removed by the facilitator (the server says so when it can; the
      // connection may drop before the reason arrives) or no longer valid for another reason.
      const removed = /roster|removed/i.test(message) || (model.view.you?.playerId && !model.players.has(model.view.you.playerId));
      const seat = role !== 'FACILITATOR';
      banner(removed ? 'The facilitator has removed you from this exercise. This console has stopped; ask the facilitator for a new code to rejoin.'
        : seat && /unauthori|token/i.test(message)
          ? 'This seat is no longer accepted: the facilitator has removed you from this exercise, or the seat is no longer valid. This console has stopped; ask the facilitator for a new code to rejoin.'
          : `The server no longer accepts this seat: ${message}. Rejoin from the start page.`, true);
      stopConsole();
      if (removed) seats.clear(exerciseId);
    },
  });
  page = build(model, live);
  updateTopbar(model);
  page.update(new Set(['all']));
  live.start();
  setInterval(() => tickClock(model), 1000);
  return { model, live, page };
}

/** Nothing on a stopped console can be sent: every control is disabled, what was typed stays readable. */
export function stopConsole() {
  for (const control of document.querySelectorAll('main input, main textarea, main select, main button')) control.disabled = true;
  document.body.classList.add('stopped');
}

function stop(message) {
  banner(message, true);
  document.querySelector('main')?.replaceChildren(el('p', { class: 'panel' }, el('a', { href: 'index.html' }, 'Go to the start page')));
}
