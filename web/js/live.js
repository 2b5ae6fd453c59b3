// The live connection: STOMP over WebSocket, reconnecting by itself, catching up by sequence number
// (docs/protocol.md section 5) and resending unacknowledged commands with the same commandId, which
// the server applies at most once. Each live event names the one before it on its channel (prev): a
// channel is complete up to some seq, and an event whose prev is beyond that shows a loss. The control
// topic carries every channel in order, so there the one before is simply seq - 1.
import { Client, ReconnectionTimeMode } from '@stomp/stompjs';

const RETRY_MS = 1000;
/** The channel each topic carries (docs/protocol.md section 3). */
const CHANNEL = { public: 'PUBLIC', diplomacy: 'DIPLOMACY', 'team.WASHINGTON': 'TEAM_WASHINGTON', 'team.MOSCOW': 'TEAM_MOSCOW',
  staff: 'STAFF', control: 'CONTROL' };
const MAX_RETRY_MS = 8000;

/** A unique command id from the browser's secure random source (randomUUID exists only on HTTPS pages). */
function newCommandId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return 'c-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A topic's message as whole events: the server leaves out what the topic or the message already says
 * (a channel topic's channel; time and actor after the first event, one command made them all; turn and
 * phase where they are the event before's).
 */
export function whole(topic, message) {
  let before = { channel: CHANNEL[topic] };
  return message.map(sent => {
    const event = { channel: before.channel, turn: before.turn, phase: before.phase, time: before.time, actor: before.actor, ...sent };
    if (event.actor === undefined) delete event.actor;
    before = event;
    return event;
  });
}

export class Live {
  /**
   * @param exerciseId the exercise
   * @param token      bearer token
   * @param topics     channel suffixes to subscribe, e.g. ['public', 'diplomacy', 'team.MOSCOW']
   * @param handlers   onEvents(events), onStatus(state, detail), onError(error), onFatal(message)
   */
  constructor(exerciseId, token, topics, handlers) {
    this.exerciseId = exerciseId;
    this.token = token;
    this.topics = topics;
    this.handlers = handlers;
    this.control = topics.includes('control');
    this.complete = new Map(); // channel ('CONTROL' for the control topic) -> seq it is complete up to
    this.syncing = true;
    this.held = [];
    this.pending = new Map(); // commandId -> {destination, body, resolve, reject}
    this.client = new Client({
      brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
      connectHeaders: { Authorization: `Bearer ${token}` },
      reconnectDelay: RETRY_MS,
      maxReconnectDelay: MAX_RETRY_MS,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      onConnect: () => this.connected(),
      onWebSocketClose: () => this.status('reconnecting', 'Connection lost – reconnecting…'),
      onStompError: frame => this.refused(frame),
    });
  }

  start() {
    this.status('connecting', 'Connecting…');
    this.client.activate();
  }

  stop() {
    this.client.deactivate();
    this.status('fatal', 'Disconnected');
  }

  status(state, detail) {
    this.state = state;
    this.handlers.onStatus?.(state, detail);
  }

  refused(frame) {
    const message = frame.headers?.message || frame.body || 'The server refused the connection';
    if (/token|unauthori|forbidden|not allowed/i.test(message)) {
      this.client.deactivate();
      this.handlers.onFatal?.(message);
    } else {
      this.status('reconnecting', message);
    }
  }

  connected() {
    this.syncing = true;
    this.held = [];
    const base = `/topic/exercise.${this.exerciseId}.`;
    for (const topic of this.topics) {
      this.client.subscribe(base + topic, m => { for (const event of whole(topic, JSON.parse(m.body))) this.live(event); });
    }
    this.client.subscribe('/user/queue/errors', m => this.error(JSON.parse(m.body)));
    this.client.subscribe('/user/queue/replies', m => this.reply(JSON.parse(m.body)));
    this.client.subscribe('/user/queue/sync', m => this.synced(JSON.parse(m.body)));
    this.requestSync();
    this.status('syncing', 'Catching up…');
  }

  /** Where a channel's events are counted: the control topic counts them all as one. */
  key(event) {
    return this.control ? 'CONTROL' : event.channel;
  }

  completeUpTo(key) {
    return this.complete.get(key) || 0;
  }

  keys() {
    return this.control ? ['CONTROL'] : this.topics.map(topic => CHANNEL[topic]);
  }

  /** The seq every subscribed channel is complete up to: the catch-up starts after it. */
  get lastSeq() {
    return Math.min(...this.keys().map(key => this.completeUpTo(key)));
  }

  requestSync() {
    this.client.publish({ destination: `/app/exercise.${this.exerciseId}.sync`,
      body: JSON.stringify({ after: this.lastSeq }) });
  }

  live(event) {
    if (this.syncing) {
      this.held.push(event);
      return;
    }
    const key = this.key(event);
    const upTo = this.completeUpTo(key);
    if (event.seq <= upTo) return;
    const prev = this.control ? event.seq - 1 : event.prev;
    if (prev <= upTo) {
      this.apply([event]);
      return;
    }
    // A loss on this channel (or an event the server never sent): catch up from where every channel is
    // complete and hold what comes meanwhile. The event itself is dropped: the reply has it (the server
    // stores an event before it broadcasts it).
    this.syncing = true;
    this.held = [];
    this.requestSync();
  }

  synced(reply) {
    if (reply.exerciseId && reply.exerciseId !== this.exerciseId) return;
    const events = reply.events || [];
    this.apply(events);
    // The reply held every event this role may see from where every channel was complete up to its
    // lastSeq (a page: up to its last event), so every channel is complete up to there.
    const paged = reply.complete === false && events.length;
    const upTo = Math.max(paged ? 0 : reply.lastSeq || 0, ...events.map(e => e.seq));
    for (const key of this.keys()) this.complete.set(key, Math.max(this.completeUpTo(key), upTo));
    // A paged reply: fetch the rest, still holding the live events back.
    if (paged) {
      this.requestSync();
      return;
    }
    const held = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    this.syncing = false;
    for (const event of held) this.live(event);
    if (this.syncing) return;
    this.status('live', 'Live');
    // Commands sent while the line was down, or not acknowledged before it dropped, go again; the
    // server answers a repeat with "duplicate": true and changes nothing.
    for (const [commandId, command] of this.pending) this.transmit(commandId, command);
  }

  apply(events) {
    const applied = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      const key = this.key(event);
      if (event.seq <= this.completeUpTo(key)) continue;
      this.complete.set(key, event.seq);
      applied.push(event);
    }
    // Events that arrive while catching up are history, not news: pages announce only the others.
    if (applied.length) this.handlers.onEvents(applied, !this.syncing);
  }

  /** Sends a command; resolves with the server's acknowledgement, rejects with its error. */
  send(channel, body) {
    const commandId = newCommandId();
    const command = { destination: `/app/exercise.${this.exerciseId}.${channel}`, body: { ...body, commandId } };
    return new Promise((resolve, reject) => {
      command.resolve = resolve;
      command.reject = reject;
      this.pending.set(commandId, command);
      if (this.state === 'live') this.transmit(commandId, command);
    });
  }

  transmit(commandId, command) {
    try {
      this.client.publish({ destination: command.destination, body: JSON.stringify(command.body) });
    } catch {
      // Not connected after all: it goes out again after the next sync.
    }
  }

  reply(ack) {
    const command = this.pending.get(ack.commandId);
    if (!command) return;
    this.pending.delete(ack.commandId);
    command.resolve(ack);
  }

  error(error) {
    const command = error.commandId && this.pending.get(error.commandId);
    if (command) {
      this.pending.delete(error.commandId);
      command.reject(error);
    } else if (error.code === 'FORBIDDEN' && this.syncing) {
      // A subscription or catch-up refused: the seat is gone (removed by the facilitator). Retrying
      // would only sit on "Catching up…", so the connection stops and the page says why.
      this.client.deactivate();
      this.handlers.onFatal?.(error.message || 'This seat is no longer accepted');
    } else {
      this.handlers.onError?.(error);
    }
  }

  /** How many commands are waiting for the server. */
  get unsent() {
    return this.pending.size;
  }
}
