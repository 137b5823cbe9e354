import { runClient, startServer } from '../lib/processes.mjs';

export const rateLimitLibraries = ['patchbay', 'bottleneck', 'p-queue'];

/**
 * Seconds from the first to the last admitted arrival in the fastest legal schedule: bursts of
 * `limit` at 0, windowMs, 2 windowMs, ..., so request n arrives at floor((n - 1) / limit) windows.
 */
export function idealSpanMs(requests, limit, windowMs) {
  return Math.floor((requests - 1) / limit) * windowMs;
}

/** Summarizes the server's log of one run: admitted count, 429s and the span of admitted arrivals. */
export function summarizeArrivals(stats, requests) {
  const spanMs = stats.admitted.at(-1) - stats.admitted[0];
  const idealMs = idealSpanMs(requests, stats.limit, stats.windowMs);
  // Time each window boundary lost against the ideal: arrival of request k * limit after request
  // (k - 1) * limit, beyond one window.
  const boundaryLossMs = [];
  for (let index = stats.limit; index < stats.admitted.length; index += stats.limit) {
    boundaryLossMs.push(stats.admitted[index] - stats.admitted[index - stats.limit] - stats.windowMs);
  }
  return {
    admitted: stats.admitted.length,
    tooManyRequests: stats.rejected,
    spanMs,
    idealMs,
    fractionOfIdeal: idealMs / spanMs,
    boundaryLossMs,
  };
}

/** Rate-limit utilisation against a fixed-window and a rolling-window server, rounds interleaved. */
export async function runRateLimit(options, log) {
  const servers = {};
  for (const window of ['fixed', 'rolling']) {
    servers[window] = { libraries: Object.fromEntries(rateLimitLibraries.map((name) => [name, []])) };
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const window of ['fixed', 'rolling']) {
      const server = await startServer('servers/rate-limit-server.mjs', {
        args: ['--window', window, '--limit', String(options.limit), '--window-ms', String(options.windowMs)],
      });
      try {
        for (const library of rateLimitLibraries) {
          const token = `bench-${window}-${library}-${round}-${Date.now()}`;
          const client = await runClient('clients/rate-limit-client.mjs', {
            args: [
              ...['--library', library, '--url', server.url, '--token', token],
              ...['--requests', String(options.requests), '--limit', String(options.limit)],
              ...['--window-ms', String(options.windowMs)],
            ],
          });
          const stats = await server.request({ type: 'stats', token });
          servers[window].libraries[library].push({
            round,
            ...summarizeArrivals(stats, options.requests),
            clientSeconds: (client.finishedAt - client.startedAt) / 1000,
          });
        }
      } finally {
        await server.stop();
      }
      log(`rate limit: round ${round}/${options.rounds}, ${window} window done`);
    }
  }
  return { settings: options, servers };
}
