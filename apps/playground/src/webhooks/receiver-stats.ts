import type { ReceiveResult } from '@patchbay/webhooks';

/** What one webhook endpoint saw. */
export interface ReceiverStats {
  /** HTTP requests received. */
  requests: number;
  /** Requests whose signature verified. */
  verified: number;
  /** Requests rejected (bad signature, stale timestamp, malformed body...). */
  rejected: number;
  rejectedReasons: Record<string, number>;
  /** Events inside verified requests (HubSpot sends several per request). */
  events: number;
  handled: number;
  duplicates: number;
  /** Events whose handler threw; the sender retries them. */
  failed: number;
  ignored: number;
  inProgress: number;
  byType: Record<string, number>;
}

export function emptyReceiverStats(): ReceiverStats {
  return {
    requests: 0,
    verified: 0,
    rejected: 0,
    rejectedReasons: {},
    events: 0,
    handled: 0,
    duplicates: 0,
    failed: 0,
    ignored: 0,
    inProgress: 0,
    byType: {},
  };
}

/** Adds one receiver result to the stats. */
export function recordResult(stats: ReceiverStats, result: ReceiveResult): void {
  stats.requests += 1;
  if (result.outcome === 'rejected') {
    stats.rejected += 1;
    stats.rejectedReasons[result.reason] = (stats.rejectedReasons[result.reason] ?? 0) + 1;
    return;
  }
  stats.verified += 1;
  for (const event of result.events) {
    stats.events += 1;
    if (event.type) stats.byType[event.type] = (stats.byType[event.type] ?? 0) + 1;
    if (event.outcome === 'handled') stats.handled += 1;
    else if (event.outcome === 'duplicate') stats.duplicates += 1;
    else if (event.outcome === 'failed') stats.failed += 1;
    else if (event.outcome === 'ignored') stats.ignored += 1;
    else if (event.outcome === 'in-progress') stats.inProgress += 1;
  }
}
