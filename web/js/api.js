// REST calls and the tokens this browser holds. Player, observer and notetaker tokens do not expire
// (docs/protocol.md section 1), so a reload or a reconnect resumes the same seat.

const ACCOUNT = 'hotline.account';
const SEAT = 'hotline.seat.';

export class ApiError extends Error {
  constructor(status, code, message, body = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;   // the refusal's whole answer (e.g. the problems of a refused scenario file)
  }
}

export async function request(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'OFFLINE', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.code || `HTTP_${response.status}`,
      data?.message || `The server refused the request (HTTP ${response.status}).`, data);
  }
  return data;
}

export const account = {
  get: () => JSON.parse(localStorage.getItem(ACCOUNT) || 'null'),
  set: value => localStorage.setItem(ACCOUNT, JSON.stringify(value)),
  clear: () => localStorage.removeItem(ACCOUNT),
};

export const seats = {
  get: exerciseId => JSON.parse(localStorage.getItem(SEAT + exerciseId) || 'null'),
  set: seat => localStorage.setItem(SEAT + seat.exerciseId, JSON.stringify(seat)),
  clear: exerciseId => localStorage.removeItem(SEAT + exerciseId),
};

/** The page for a seat's role. */
export function pageFor(role, exerciseId) {
  const page = { PLAYER: 'player.html', OBSERVER: 'observer.html', NOTETAKER: 'notetaker.html',
    FACILITATOR: 'facilitator.html' }[role] || 'index.html';
  return `${page}?x=${encodeURIComponent(exerciseId)}`;
}

/** The token a page uses for an exercise: the seat's, or the facilitator's account token. */
export function tokenFor(exerciseId, role) {
  if (role === 'FACILITATOR') return account.get()?.token || null;
  return seats.get(exerciseId)?.token || null;
}

/**
 * Text typed and not yet acknowledged by the server (chat, arguments), kept in this browser per seat
 * so that a reload loses nothing; each field is forgotten once the server has it.
 */
export function unsent(exerciseId, playerId) {
  const key = field => `hotline.unsent.${exerciseId}.${playerId}.${field}`;
  return {
    get: field => localStorage.getItem(key(field)),
    set: (field, value) => (value ? localStorage.setItem(key(field), value) : localStorage.removeItem(key(field))),
  };
}
