import { createClient, MemoryLimiterStore } from '@patchbay/core';

// One store shared by several clients (or, with @patchbay/redis, several processes) makes them
// share one budget per account.
const store = new MemoryLimiterStore();

export const crm = createClient({
  service: 'crm',
  baseUrl: 'https://api.crm.example',
  limiter: {
    store,
    buckets: {
      default: { limit: 100, windowMs: 10_000 },
      search: { limit: 5, windowMs: 1000 },
    },
    concurrency: 8,
    parseHeaders: (headers) => ({
      limit: Number(headers['x-ratelimit-limit']) || undefined,
      remaining:
        headers['x-ratelimit-remaining'] === undefined ? undefined : Number(headers['x-ratelimit-remaining']),
      windowMs: 10_000,
    }),
  },
  breaker: { mode: 'consecutive', failureThreshold: 5, openMs: 30_000, halfOpenProbes: 1 },
});

crm.events.on('rate-limited', (event) => {
  process.stdout.write(`waited ${event.waitMs} ms for the ${event.bucket} bucket\n`);
});
crm.events.on('breaker-state', (event) => {
  process.stdout.write(`breaker ${event.from} -> ${event.to}: ${event.reason}\n`);
});

export function searchContacts(query: string) {
  return crm.request({
    method: 'POST',
    path: '/search',
    json: { query },
    bucket: 'search',
    idempotent: true,
  });
}
