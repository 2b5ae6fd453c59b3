import { Live } from '/js/live.js';

// ?insecure: a page where crypto.randomUUID is missing (plain HTTP off localhost); Math.random must
// never be the source of a command id.
if (location.search.includes('insecure')) {
  Object.defineProperty(Crypto.prototype, 'randomUUID', { value: undefined });
  Math.random = () => { throw new Error('Math.random used for a command id'); };
}
window.applied = [];
window.events = [];
window.live = new Live('x1', 'a-token', ['public', 'team.MOSCOW'], {
  onEvents: events => { window.applied.push(...events.map(e => e.seq)); window.events.push(...events); },
  onStatus: state => { window.state = state; },
});
window.live.start();
