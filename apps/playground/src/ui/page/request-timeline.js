import { element, formatDuration, formatOffset, statusTone } from './dom.js';

/** Attempts kept per service. Past it, the oldest attempt that was neither retried nor failed is removed. */
const maxAttemptsShown = 600;

function emptyCounts() {
  return { attempts: 0, retries: 0, rateLimited: 0, failedCalls: 0 };
}

function targetOf(event) {
  let path = event.url;
  try {
    path = new URL(event.url).pathname;
  } catch {
    // A relative or unparsable URL is shown as the client reported it.
  }
  return `${event.method} ${event.operation ?? path}`;
}

/**
 * Lists the attempts of each service, newest first. The `request`, `response`, `retry` and
 * `call-error` events of one attempt meet on the same row through their `callId` and `attempt`.
 */
export function createRequestTimeline() {
  const container = document.querySelector('.timelines');
  const filter = document.getElementById('retried-only');
  const services = new Map(
    [...document.querySelectorAll('.timeline')].map((node) => [
      node.dataset.service,
      {
        list: node.querySelector('.attempts'),
        counts: node.querySelector('.timeline-counts'),
        totals: emptyCounts(),
      },
    ]),
  );
  const rows = new Map();

  filter.addEventListener('change', () => container.classList.toggle('only-retried', filter.checked));

  function key(service, callId, attempt) {
    return `${service}:${callId}:${attempt}`;
  }

  function showCounts(service) {
    const { counts, totals } = services.get(service);
    counts.textContent = `${totals.attempts} attempts, ${totals.retries} retries, ${totals.rateLimited} responses with 429, ${totals.failedCalls} failed calls`;
  }

  function trim(list) {
    if (list.children.length <= maxAttemptsShown) return;
    const oldest = [...list.children]
      .reverse()
      .find((row) => !row.dataset.retryReason && !row.dataset.failed);
    if (!oldest) return;
    rows.delete(key(oldest.dataset.service, oldest.dataset.callId, oldest.dataset.attempt));
    oldest.remove();
  }

  function addAttempt(event) {
    const service = services.get(event.service);
    if (!service) return;
    const status = element('span', { class: 'badge status', 'data-tone': 'pending' }, 'pending');
    const duration = element('span', { class: 'duration' });
    const row = element(
      'li',
      {
        class: 'attempt',
        'data-service': event.service,
        'data-call-id': event.callId,
        'data-attempt': event.attempt,
        'data-bucket': event.bucket,
      },
      element('span', { class: 'at' }, formatOffset(event.atMs)),
      element('span', { class: 'call' }, `call ${event.callId}, attempt ${event.attempt}`),
      element('span', { class: 'target' }, targetOf(event)),
      status,
      duration,
    );
    rows.set(key(event.service, event.callId, event.attempt), { row, status, duration });
    service.list.prepend(row);
    service.totals.attempts += 1;
    trim(service.list);
    showCounts(event.service);
  }

  function setStatus(entry, text, tone) {
    entry.status.textContent = text;
    entry.status.dataset.tone = tone;
  }

  function handleResponse(event) {
    const entry = rows.get(key(event.service, event.callId, event.attempt));
    if (event.status === 429) services.get(event.service).totals.rateLimited += 1;
    showCounts(event.service);
    if (!entry) return;
    entry.row.dataset.status = String(event.status);
    setStatus(entry, String(event.status), statusTone(event.status));
    entry.duration.textContent = formatDuration(event.durationMs);
  }

  function handleRetry(event) {
    services.get(event.service).totals.retries += 1;
    showCounts(event.service);
    const entry = rows.get(key(event.service, event.callId, event.attempt));
    if (!entry) return;
    entry.row.dataset.retryReason = event.reason;
    // A connection reset or timeout has no response, so the retry reason is the only status.
    if (!entry.row.dataset.status) setStatus(entry, event.reason, 'bad');
    const wait =
      event.delayMs > 0 ? `after ${formatDuration(event.delayMs)} (${event.delaySource})` : 'at once';
    entry.row.append(
      element('span', { class: 'detail retry-detail' }, `Retried ${wait}: ${event.reason}. ${event.message}`),
    );
  }

  function handleCallError(event) {
    services.get(event.service).totals.failedCalls += 1;
    showCounts(event.service);
    const entry = rows.get(key(event.service, event.callId, event.attempts));
    if (!entry) return;
    entry.row.dataset.failed = 'true';
    if (!entry.row.dataset.status) setStatus(entry, 'failed', 'bad');
    const attempts = event.attempts === 1 ? '1 attempt' : `${event.attempts} attempts`;
    entry.row.append(
      element('span', { class: 'detail error-detail' }, `Failed after ${attempts}: ${event.message}`),
    );
  }

  return {
    reset() {
      rows.clear();
      for (const [name, service] of services) {
        service.list.replaceChildren();
        service.totals = emptyCounts();
        showCounts(name);
      }
    },

    handle(event) {
      if (event.type === 'request') addAttempt(event);
      else if (event.type === 'response') handleResponse(event);
      else if (event.type === 'retry') handleRetry(event);
      else if (event.type === 'call-error') handleCallError(event);
    },
  };
}
