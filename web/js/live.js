// The live connection: STOMP over WebSocket, reconnecting by itself, catching up by sequence number
// (docs/protocol.md section 5) and resending unacknowledged commands with the same commandId, which
// the server applies at most once.
import { Client, ReconnectionTimeMode } from '@stomp/stompjs';

const RETRY_MS = 1000;
const MAX_RETRY_MS = 8000;

/** A unique command id from the browser's secure random source (randomUUID exists only on HTTPS pages). */
function newCommandId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return 'c-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
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
    this.lastSeq = 0;
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
      this.client.subscribe(base + topic, m => this.live(JSON.parse(m.body)));
    }
    this.client.subscribe('/user/queue/errors', m => this.error(JSON.parse(m.body)));
    this.client.subscribe('/user/queue/replies', m => this.reply(JSON.parse(m.body)));
    this.client.subscribe('/user/queue/sync', m => this.synced(JSON.parse(m.body)));
    this.requestSync();
    this.status('syncing', 'Catching up…');
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
    if (event.seq <= this.lastSeq) return;
    if (event.seq === this.lastSeq + 1) {
      this.apply([event]);
      return;
    }
    // A gap: events this role may not see, one lost, or one the server never sent. The server's catch-up
    // says which: ask from the last good seq and hold what comes meanwhile. The gap event itself is
    // dropped: if it is real, the reply has it (the server stores an event before it broadcasts it).
    this.syncing = true;
    this.held = [];
    this.requestSync();
  }

  synced(reply) {
    if (reply.exerciseId && reply.exerciseId !== this.exerciseId) return;
    const events = reply.events || [];
    this.apply(events);
    // A paged reply: fetch the rest after the last applied seq, still holding the live events back.
    if (reply.complete === false && events.length) {
      this.requestSync();
      return;
    }
    // The reply held every event this role may see up to lastSeq: nothing below it is still to come.
    this.lastSeq = Math.max(this.lastSeq, reply.lastSeq || 0);
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
    const fresh = events.filter(e => e.seq > this.lastSeq).sort((a, b) => a.seq - b.seq);
    const applied = [];
    for (const event of fresh) {
      if (event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq;
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
