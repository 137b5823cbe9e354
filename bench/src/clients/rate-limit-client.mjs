// Sends `--requests` successful requests to the rate-limited server as fast as one limiter library
// allows, in its own process. A request that gets a 429 waits for Retry-After and goes through the
// limiter again, so every run ends with the same number of admitted requests. The 429 count and
// the arrival times come from the server.
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { nowMs, sleep } from '../lib/clock.mjs';
import { printResult } from '../lib/processes.mjs';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    requests: { type: 'string', default: '300' },
    limit: { type: 'string', default: '50' },
    'window-ms': { type: 'string', default: '1000' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    'key-prefix': { type: 'string', default: 'bench:' },
    'start-at': { type: 'string' },
  },
});
const requests = Number(values.requests);
const limit = Number(values.limit);
const windowMs = Number(values['window-ms']);
const url = `${values.url}/limited`;
const authorization = `Bearer ${values.token}`;
let tooManyRequests = 0;

/** One HTTP request; returns the wait Retry-After demands on a 429, else 0. */
async function sendOnce() {
  const response = await request(url, { headers: { authorization } });
  await response.body.dump();
  if (response.statusCode === 429) {
    tooManyRequests += 1;
    return Number(response.headers['retry-after'] ?? 1) * 1000;
  }
  if (response.statusCode !== 200) throw new Error(`Unexpected HTTP ${response.statusCode}.`);
  return 0;
}

/** Runs `schedule(send)` until the request is admitted, honouring Retry-After between tries. */
async function untilAdmitted(schedule) {
  for (;;) {
    const waitMs = await schedule(sendOnce);
    if (waitMs === 0) return;
    await sleep(waitMs);
  }
}

async function withBottleneck(options = {}) {
  const { default: Bottleneck } = await import('bottleneck');
  const limiter = new Bottleneck({
    reservoir: limit,
    reservoirRefreshAmount: limit,
    reservoirRefreshInterval: windowMs,
    ...options,
  });
  limiter.on('error', (error) => {
    throw error;
  });
  await limiter.ready();
  return {
    run: () =>
      Promise.all(Array.from({ length: requests }, () => untilAdmitted((send) => limiter.schedule(send)))),
    close: () => limiter.disconnect?.(false),
  };
}

async function withPQueue() {
  const { default: PQueue } = await import('p-queue');
  const queue = new PQueue({ intervalCap: limit, interval: windowMs });
  return {
    run: () => Promise.all(Array.from({ length: requests }, () => untilAdmitted((send) => queue.add(send)))),
    close: async () => {},
  };
}

async function withPatchbay(store) {
  const { bearerAuth, createClient } = await import('@patchbay/core');
  const client = createClient({
    service: 'rate-limit-bench',
    baseUrl: values.url,
    auth: bearerAuth(values.token),
    limiter: { store, buckets: { default: { limit, windowMs } } },
  });
  client.events.on('retry', (event) => {
    if (event.reason.startsWith('rate_limit')) tooManyRequests += 1;
  });
  return {
    run: () =>
      Promise.all(
        Array.from({ length: requests }, () =>
          client.request({ method: 'GET', path: '/limited', responseType: 'none' }),
        ),
      ),
    close: async () => {
      await client.close();
      await store?.close?.();
    },
  };
}

async function withRateLimiterFlexible() {
  const { RateLimiterRedis } = await import('rate-limiter-flexible');
  const { Redis } = await import('ioredis');
  const redis = new Redis(values['redis-url']);
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${values['key-prefix']}rlf`,
    points: limit,
    duration: windowMs / 1000,
  });
  // consume() rejects with msBeforeNext when the points are spent. Waiting that long and consuming
  // again is the usual way to queue with it.
  const acquire = async () => {
    for (;;) {
      try {
        await limiter.consume(values.token);
        return;
      } catch (rejection) {
        if (typeof rejection?.msBeforeNext !== 'number') throw rejection;
        await sleep(rejection.msBeforeNext);
      }
    }
  };
  return {
    run: () =>
      Promise.all(
        Array.from({ length: requests }, () =>
          untilAdmitted(async (send) => {
            await acquire();
            return send();
          }),
        ),
      ),
    close: () => redis.quit(),
  };
}

async function createRunner(library) {
  switch (library) {
    case 'patchbay':
      return withPatchbay(undefined);
    case 'bottleneck':
      return withBottleneck();
    case 'p-queue':
      return withPQueue();
    case 'patchbay-redis': {
      const { RedisLimiterStore } = await import('@patchbay/redis');
      return withPatchbay(
        new RedisLimiterStore({
          redis: values['redis-url'],
          keyPrefix: values['key-prefix'],
          whenUnavailable: 'fail',
        }),
      );
    }
    case 'bottleneck-redis': {
      const { Redis } = await import('ioredis');
      const redisUrl = new URL(values['redis-url']);
      return withBottleneck({
        id: `${values['key-prefix']}bottleneck`,
        datastore: 'ioredis',
        clearDatastore: false,
        clientOptions: { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) },
        Redis,
        timeout: 60_000,
      });
    }
    case 'rate-limiter-flexible':
      return withRateLimiterFlexible();
    default:
      throw new Error(`Unknown library ${library}.`);
  }
}

const runner = await createRunner(values.library);
if (values['start-at']) await sleep(Math.max(0, Number(values['start-at']) - nowMs()));
const startedAt = nowMs();
await runner.run();
const finishedAt = nowMs();
await runner.close();
printResult({ library: values.library, requests, startedAt, finishedAt, tooManyRequests });
process.exit(0);
