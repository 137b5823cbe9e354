import { Redis } from 'ioredis';
import { nowMs } from '../lib/clock.mjs';
import { runClient, startServer } from '../lib/processes.mjs';
import { summarizeArrivals } from './rate-limit.mjs';

export const redisUrl = process.env.PATCHBAY_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const acquireLibraries = ['redis-incr', 'patchbay', 'rate-limiter-flexible', 'bottleneck'];
export const rollingLibraries = {
  'patchbay-redis': 'Patchbay `RedisLimiterStore`',
  'rate-limiter-flexible': '`rate-limiter-flexible` `RateLimiterRedis`',
  'bottleneck-redis': '`bottleneck` (ioredis clustering)',
};

/** Deletes every key this run created: its own prefix and Bottleneck's `b_<id>` keys. */
async function deleteKeys(redis, prefix) {
  for (const pattern of [`${prefix}*`, `b_${prefix}*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  }
}

/**
 * Returns a start time far enough ahead for every process to load and connect first, so they
 * begin their timed work together.
 */
function startTime(options, processes) {
  return nowMs() + options.startDelayMs * (1 + processes / 4);
}

async function acquisitions(library, processes, options, prefix) {
  const startAt = startTime(options, processes);
  const results = await Promise.all(
    Array.from({ length: processes }, () =>
      runClient('clients/redis-acquire-client.mjs', {
        args: [
          ...['--library', library, '--redis-url', redisUrl, '--key-prefix', prefix],
          ...['--duration-ms', String(options.durationMs), '--in-flight', String(options.inFlight)],
          ...['--start-at', String(startAt)],
        ],
      }),
    ),
  );
  const startedAt = Math.min(...results.map((result) => result.startedAt));
  const finishedAt = Math.max(...results.map((result) => result.finishedAt));
  const total = results.reduce((sum, result) => sum + result.acquisitions, 0);
  return { processes, acquisitions: total, perSecond: (total / (finishedAt - startedAt)) * 1000 };
}

async function rollingRun(library, options, server, prefix) {
  const { processes, requests, limit, windowMs } = options.rolling;
  const token = `bench-redis-${library}-${Date.now()}`;
  const startAt = startTime(options, processes);
  const clients = await Promise.all(
    Array.from({ length: processes }, () =>
      runClient('clients/rate-limit-client.mjs', {
        args: [
          ...['--library', library, '--url', server.url, '--token', token],
          ...['--requests', String(requests / processes), '--limit', String(limit)],
          ...['--window-ms', String(windowMs), '--redis-url', redisUrl, '--key-prefix', prefix],
          ...['--start-at', String(startAt)],
        ],
      }),
    ),
  );
  const stats = await server.request({ type: 'stats', token });
  return { ...summarizeArrivals(stats, requests), processes: clients.length };
}

/** Raises at once when Redis does not respond, before any long measurement runs. */
export async function checkRedis() {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  // The failure is raised below with the fix, so the client's own error events are not printed.
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    throw new Error(
      `Redis at ${redisUrl} did not respond; start redis-server or set PATCHBAY_REDIS_URL, or leave redis out with --only.`,
      { cause },
    );
  } finally {
    redis.disconnect();
  }
}

/** Limiter throughput on Redis and shared-limit utilisation across processes. */
export async function runRedis(options, log) {
  const redis = new Redis(redisUrl);
  const runId = `patchbay-bench:${process.pid}:${Date.now()}:`;
  const result = { settings: options, acquisitions: {}, rolling: {} };
  for (const processes of options.processes) {
    result.acquisitions[processes] = Object.fromEntries(acquireLibraries.map((name) => [name, []]));
  }
  for (const library of Object.keys(rollingLibraries)) result.rolling[library] = [];

  const server = await startServer('servers/rate-limit-server.mjs', {
    args: [
      ...['--window', 'rolling', '--limit', String(options.rolling.limit)],
      ...['--window-ms', String(options.rolling.windowMs)],
    ],
  });
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const processes of options.processes) {
        for (const library of acquireLibraries) {
          const prefix = `${runId}${round}:${processes}:${library}:`;
          const run = await acquisitions(library, processes, options, prefix);
          result.acquisitions[processes][library].push({ round, ...run });
          await deleteKeys(redis, prefix);
        }
      }
      for (const library of Object.keys(rollingLibraries)) {
        const prefix = `${runId}${round}:rolling:${library}:`;
        result.rolling[library].push({ round, ...(await rollingRun(library, options, server, prefix)) });
        await deleteKeys(redis, prefix);
      }
      log(`redis: round ${round}/${options.rounds} done`);
    }
  } finally {
    await server.stop();
    await deleteKeys(redis, runId);
    await redis.quit();
  }
  return { ...result, redisUrl, redisVersion: await redisVersion() };
}

async function redisVersion() {
  const redis = new Redis(redisUrl);
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    await redis.quit();
  }
}
