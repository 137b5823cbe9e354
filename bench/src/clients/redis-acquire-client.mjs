// Limiter acquisitions per second against Redis for one library, in its own process: `--in-flight`
// loops acquire and release as fast as they can, at a limit no loop reaches, from `--start-at`
// (epoch ms, so several processes start together) for `--duration-ms`.
import { parseArgs } from 'node:util';
import { nowMs, sleep } from '../lib/clock.mjs';
import { printResult } from '../lib/processes.mjs';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    'key-prefix': { type: 'string' },
    'duration-ms': { type: 'string', default: '1500' },
    'in-flight': { type: 'string', default: '64' },
    'start-at': { type: 'string' },
  },
});
const unreached = 1_000_000_000;

async function patchbay() {
  const { RateLimiter } = await import('@patchbay/core');
  const { RedisLimiterStore } = await import('@patchbay/redis');
  const store = new RedisLimiterStore({
    redis: values['redis-url'],
    keyPrefix: values['key-prefix'],
    whenUnavailable: 'fail',
  });
  const limiter = new RateLimiter({ store, buckets: { default: { limit: unreached, windowMs: 1000 } } });
  const controller = new AbortController();
  return {
    async acquire() {
      const permit = await limiter.acquire({
        bucket: 'default',
        identity: 'bench',
        signal: controller.signal,
      });
      permit.release();
    },
    close: () => store.close(),
  };
}

async function rateLimiterFlexible() {
  const { RateLimiterRedis } = await import('rate-limiter-flexible');
  const { Redis } = await import('ioredis');
  const redis = new Redis(values['redis-url']);
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${values['key-prefix']}rlf`,
    points: unreached,
    duration: 1,
  });
  return { acquire: () => limiter.consume('bench'), close: () => redis.quit() };
}

async function bottleneck() {
  const { default: Bottleneck } = await import('bottleneck');
  const { Redis } = await import('ioredis');
  const redisUrl = new URL(values['redis-url']);
  const limiter = new Bottleneck({
    id: `${values['key-prefix']}bottleneck`,
    datastore: 'ioredis',
    clearDatastore: false,
    clientOptions: { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) },
    Redis,
    timeout: 60_000,
    reservoir: unreached,
  });
  limiter.on('error', (error) => {
    throw error;
  });
  await limiter.ready();
  return { acquire: () => limiter.schedule(() => Promise.resolve()), close: () => limiter.disconnect(false) };
}

/** Sends one INCR per acquisition, the round trip that every Redis-backed limiter pays at least once. */
async function redisIncr() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(values['redis-url']);
  const key = `${values['key-prefix']}incr`;
  return { acquire: () => redis.incr(key), close: () => redis.quit() };
}

const factories = {
  'redis-incr': redisIncr,
  patchbay,
  'rate-limiter-flexible': rateLimiterFlexible,
  bottleneck,
};
const library = await factories[values.library]();
// One acquisition before the clock starts, so connecting and loading scripts are not timed.
await library.acquire();
if (values['start-at']) await sleep(Math.max(0, Number(values['start-at']) - nowMs()));

const startedAt = nowMs();
const deadline = startedAt + Number(values['duration-ms']);
let count = 0;
let lastDoneAt = startedAt;
await Promise.all(
  Array.from({ length: Number(values['in-flight']) }, async () => {
    while (nowMs() < deadline) {
      await library.acquire();
      count += 1;
      lastDoneAt = nowMs();
    }
  }),
);
await library.close();
printResult({
  library: values.library,
  acquisitions: count,
  startedAt,
  finishedAt: lastDoneAt,
  perSecond: (count / (lastDoneAt - startedAt)) * 1000,
});
process.exit(0);
