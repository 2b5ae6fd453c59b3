// What must not be missed: a confirmation before an act that cannot be undone, and a banner (with an
// optional sound) on every screen when the phase changes, the clock is paused or an inject arrives.
import { el, fill, setText } from './dom.js';
import { EVENT } from './events.js';

/**
 * A modal question; resolves true only when the user confirms.
 * @param body text or nodes (e.g. the list of moves about to be sealed)
 */
export function confirmDialog({ title, body, confirm = 'Confirm', cancel = 'Cancel', danger = false }) {
  return new Promise(resolve => {
    const ok = el('button', { type: 'button', class: danger ? 'danger' : 'primary', id: 'confirm-ok' }, confirm);
    const no = el('button', { type: 'button', id: 'confirm-cancel' }, cancel);
    const dialog = el('dialog', { class: 'confirm', id: 'confirm-dialog', 'aria-labelledby': 'confirm-title' },
      el('h2', { id: 'confirm-title' }, title), el('div', { class: 'confirm-body' }, body), el('div', { class: 'row confirm-actions' }, no, ok));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    ok.addEventListener('click', () => close(true));
    no.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', e => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

const SOUND = 'hotline.sound';
let audio = null;

export function soundOn() {
  return localStorage.getItem(SOUND) === 'on';
}

/** The top bar's sound switch (off until someone turns it on: a room may not want chimes). */
export function soundToggle() {
  const button = el('button', { type: 'button', class: 'small sound', id: 'sound-toggle', 'aria-pressed': String(soundOn()) });
  const show = () => {
    setText(button, soundOn() ? 'Sound on' : 'Sound off');
    button.setAttribute('aria-pressed', String(soundOn()));
  };
  button.addEventListener('click', () => {
    localStorage.setItem(SOUND, soundOn() ? 'off' : 'on');
    show();
    if (soundOn()) chime();
  });
  show();
  return button;
}

function chime() {
  try {
    audio = audio || new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.12, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.5);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.5);
  } catch {
    // No audio device: the banner alone says it.
  }
}

/**
 * A banner under the top bar for news everyone in the room must see; it stays for `seconds`
 * (0: until replaced or cleared) and is read out by screen readers.
 */
export function announce(text, { kind = 'news', seconds = 12, phase = '' } = {}) {
  let node = document.getElementById('announce');
  if (!node) {
    node = el('div', { id: 'announce', class: 'announce', role: 'alert', hidden: true },
      el('span', { class: 'announce-text', id: 'announce-text' }),
      el('button', { type: 'button', class: 'small', id: 'announce-close', 'aria-label': 'Dismiss', onclick: () => { node.hidden = true; } }, '✕'));
    (document.getElementById('banner') || document.querySelector('.topbar'))?.after(node);
  }
  clearTimeout(node.timer);
  node.className = `announce announce-${kind}`;
  node.dataset.kind = kind;
  node.dataset.phase = phase;
  fill(node.querySelector('.announce-text'), text);
  node.hidden = false;
  if (soundOn()) chime();
  if (seconds) node.timer = setTimeout(() => { node.hidden = true; }, seconds * 1000);
}

/** What the events just received mean for the room, as banners (only for news, not for catch-up). */
export function announceEvents(model, events, sideLabel) {
  for (const e of events) {
    const p = e.payload || {};
    if (e.type === EVENT.PHASE_CHANGED) {
      announcePhase(p.turn, p.phase);
    } else if (e.type === EVENT.CLOCK_CHANGED && p.paused) {
      announce('The facilitator has paused the clock.', { kind: 'pause', seconds: 0 });
    } else if (e.type === EVENT.CLOCK_CHANGED && !p.paused && model.wasPaused) {
      announce('The clock is running again.', { kind: 'phase' });
    } else if (e.type === EVENT.INJECT_RELEASED) {
      announce(`New inject${p.audience && p.audience !== 'ALL' && sideLabel ? ` for ${sideLabel(p.audience)}` : ''}: ${p.title || 'from the facilitator'}`,
        { kind: 'inject', seconds: 20 });
    } else if (e.type === EVENT.EXERCISE_ENDED) {
      announce(`The exercise has ended${p.reason ? `: ${p.reason}` : ''}.`, { kind: 'phase', seconds: 0 });
    }
    if (e.type === EVENT.CLOCK_CHANGED || e.type === EVENT.PHASE_CHANGED) model.wasPaused = !!p.paused;
  }
}

/** The phase the exercise is now in, as a banner (also after a catch-up that crossed a phase change). */
export function announcePhase(turn, phase) {
  announce(`Turn ${turn}: ${phaseWords(phase)}`, { kind: 'phase', phase });
}

/**
 * Takes down a banner that is no longer true: a phase that has passed, a pause that is over (a change
 * learnt while catching up after a reconnect is not announced, so the old banner would stay).
 */
export function retireStale(model) {
  const node = document.getElementById('announce');
  if (!node || node.hidden) return;
  if ((node.dataset.phase && node.dataset.phase !== model.phase) || (node.dataset.kind === 'pause' && !model.paused)) {
    clearTimeout(node.timer);
    node.hidden = true;
  }
}

function phaseWords(phase) {
  return {
    BRIEFING: 'Briefing — read the situation and the injects',
    DELIBERATION: 'Deliberation — talk, negotiate, draft your orders',
    ORDERS: 'Orders — submit your team’s orders',
    ADJUDICATION: 'Adjudication — the turn is being decided',
    RESULTS: 'Results — both teams’ orders and the outcome',
  }[phase] || String(phase).toLowerCase();
}
