// Sends COUNT requests through a client whose limiter state lives in Redis, starting at START_AT.

import { bearerAuth, createClient, HttpError } from '@patchbay/core';
import { RedisLimiterStore } from '../../src/index.js';
import { env } from './env.js';

const store = new RedisLimiterStore({ redis: env('REDIS_URL'), keyPrefix: env('PREFIX') });
const client = createClient({
  service: 'load',
  baseUrl: env('API_URL'),
  auth: bearerAuth(env('TOKEN')),
  retry: { maxRetries: 0 },
  timeout: { totalMs: 120_000 },
  limiter: {
    store,
    buckets: { default: { limit: Number(env('LIMIT')), windowMs: Number(env('WINDOW_MS')) } },
  },
});

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(env('START_AT')) - Date.now())));
const results = await Promise.allSettled(
  Array.from({ length: Number(env('COUNT')) }, (_, index) =>
    client.request({ method: 'GET', path: `/items/${index}` }),
  ),
);
const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
process.stdout.write(
  JSON.stringify({
    ok: results.length - rejected.length,
    rateLimited: rejected.filter((error) => HttpError.isInstance(error) && error.status === 429).length,
    otherErrors: rejected
      .filter((error) => !(HttpError.isInstance(error) && error.status === 429))
      .map(String),
  }),
);
await store.close();
await client.close();
