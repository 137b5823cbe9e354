import { formatOffset, serviceNames } from './dom.js';

/** Shows the circuit breaker state of each client, closed until a `breaker-state` event reports another. */
export function createBreakerStates() {
  const note = document.getElementById('breaker-note');
  const defaultNote = note.textContent;

  function show(service, state) {
    const node = document.getElementById(`breaker-${service}`);
    if (!node) return;
    node.dataset.state = state;
    node.textContent = state;
  }

  return {
    reset() {
      show('hubspot', 'closed');
      show('stripe', 'closed');
      note.textContent = defaultNote;
    },

    handle(event) {
      if (event.type !== 'breaker-state') return;
      show(event.service, event.to);
      note.textContent = `${serviceNames[event.service]} went from ${event.from} to ${event.to} at ${formatOffset(event.atMs)}: ${event.reason}.`;
    },
  };
}
