import { element, formatOffset, serviceNames, statusTone } from './dom.js';

const maxWebhooksShown = 300;
const outcomeTones = {
  handled: 'ok',
  duplicate: 'warn',
  ignored: 'pending',
  'in-progress': 'warn',
  failed: 'bad',
  invalid: 'bad',
};
const outcomeNames = ['handled', 'duplicate', 'failed', 'ignored', 'in-progress', 'invalid'];

function emptyTotals() {
  return {
    received: 0,
    verified: 0,
    rejected: 0,
    outcomes: Object.fromEntries(outcomeNames.map((name) => [name, 0])),
  };
}

function outcomeBadge(outcome) {
  return element('span', { class: 'badge', 'data-tone': outcomeTones[outcome] ?? 'pending' }, outcome);
}

/** Lists each event of a request, or counts them by type and outcome when there are many. */
function describeEvents(events) {
  if (events.length <= 4) {
    return events.flatMap((event) => [
      ` ${event.eventType ?? 'unknown type'} ${event.id ?? ''} `,
      outcomeBadge(event.outcome),
      event.error ? ` ${event.error}` : undefined,
    ]);
  }
  const groups = new Map();
  for (const event of events) {
    const groupKey = `${event.eventType ?? 'unknown type'}|${event.outcome}`;
    groups.set(groupKey, (groups.get(groupKey) ?? 0) + 1);
  }
  return [...groups].flatMap(([groupKey, count]) => {
    const [eventType, outcome] = groupKey.split('|');
    return [` ${count} × ${eventType} `, outcomeBadge(outcome)];
  });
}

/** Webhook requests received by the playground's endpoint, with verification and dedup results. */
export function createWebhookList() {
  const list = document.getElementById('webhook-list');
  const counts = document.getElementById('webhook-counts');
  let totals = emptyTotals();

  function showCounts() {
    const { outcomes } = totals;
    const events = outcomeNames
      .filter((name) => outcomes[name] > 0 || ['handled', 'duplicate', 'failed'].includes(name))
      .map((name) => `${outcomes[name]} ${name}`)
      .join(', ');
    counts.textContent = `${totals.received} requests: ${totals.verified} verified, ${totals.rejected} rejected. Events: ${events}.`;
  }

  function addRequest(event) {
    totals.received += 1;
    const common = [
      element('span', { class: 'at' }, formatOffset(event.atMs)),
      element('span', { class: 'source' }, serviceNames[event.source]),
      element('span', { class: 'badge', 'data-tone': statusTone(event.status) }, String(event.status)),
    ];
    let row;
    if (event.outcome === 'rejected') {
      totals.rejected += 1;
      row = element(
        'li',
        {
          class: 'webhook',
          'data-source': event.source,
          'data-outcome': 'rejected',
          'data-reason': event.reason,
        },
        ...common,
        element('span', {}, `rejected: ${event.reason}`),
        element('span', { class: 'detail error-detail' }, event.message),
      );
    } else {
      totals.verified += 1;
      for (const item of event.events)
        totals.outcomes[item.outcome] = (totals.outcomes[item.outcome] ?? 0) + 1;
      row = element(
        'li',
        {
          class: 'webhook',
          'data-source': event.source,
          'data-outcome': 'verified',
          'data-event-outcomes': event.events.map((item) => item.outcome).join(' '),
        },
        ...common,
        element('span', {}, 'verified'),
        element('span', { class: 'detail' }, ...describeEvents(event.events)),
      );
    }
    list.prepend(row);
    if (list.children.length > maxWebhooksShown) list.lastElementChild.remove();
    showCounts();
  }

  return {
    reset() {
      totals = emptyTotals();
      list.replaceChildren();
      counts.textContent = 'None yet.';
    },

    handle(event) {
      if (event.type === 'webhook') addRequest(event);
    },
  };
}
