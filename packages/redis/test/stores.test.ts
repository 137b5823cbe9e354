import { getEventListeners } from 'node:events';
import { bearerAuth, createClient, type Logger, type StorePolicy } from '@patchbay/core';
import { createWebhookSender, type DeliveryRecord } from '@patchbay/webhooks';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  RedisDedupStore,
  RedisDeliveryStore,
  RedisLimiterStore,
  RedisTokenStore,
  RedisUnavailableError,
} from '../src/index.js';
import { connectSharedRedis, PrivateRedisServer, uniquePrefix } from './redis-harness.js';

let redis: Redis;
let keys: ReturnType<typeof uniquePrefix>;

beforeAll(async () => {
  redis = await connectSharedRedis();
});

afterAll(() => {
  redis.disconnect();
});

afterEach(async () => {
  vi.useRealTimers();
  await keys?.cleanup();
});

const sliding: StorePolicy = { algorithm: 'sliding-window', limit: 2, windowMs: 1000, marginMs: 0, burst: 2 };
const unreachable = 'redis://127.0.0.1:1';

function recordingLogger() {
  const lines: Array<[string, string]> = [];
  const logger: Logger = {
    debug: () => {},
    info: (_fields, message) => lines.push(['info', message]),
    warn: (_fields, message) => lines.push(['warn', message]),
    error: (_fields, message) => lines.push(['error', message]),
  };
  return { logger, lines };
}

describe('RedisLimiterStore', () => {
  it('starts requests at once until the limit, then schedules', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const first = await store.reserve('bucket', sliding);
    const second = await store.reserve('bucket', sliding);
    const third = await store.reserve('bucket', sliding);
    expect([first.delayMs, second.delayMs]).toEqual([0, 0]);
    expect(third.reason).toBe('limit');
    // In flight requests count as "now", so the third waits a full window.
    expect(third.delayMs).toBeGreaterThanOrEqual(990);
    expect(third.delayMs).toBeLessThanOrEqual(1000);
    expect(await store.confirm('bucket', third.id, sliding)).toBeGreaterThan(900);
  });

  it('frees a slot one window after the request finished', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const policy = { ...sliding, limit: 1, windowMs: 300 };
    const first = await store.reserve('bucket', policy);
    await store.complete('bucket', first.id, policy);
    const second = await store.reserve('bucket', policy);
    expect(second.delayMs).toBeGreaterThan(250);
    await new Promise((resolve) => setTimeout(resolve, second.delayMs));
    expect(await store.confirm('bucket', second.id, policy)).toBe(0);
  });

  it('gives a cancelled slot back', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const policy = { ...sliding, limit: 1 };
    await store.reserve('bucket', policy);
    const second = await store.reserve('bucket', policy);
    await store.cancel('bucket', second.id, policy);
    const third = await store.reserve('bucket', policy);
    // Without the cancel the third would queue a window behind the second.
    expect(second.delayMs).toBeGreaterThan(900);
    expect(third.delayMs).toBeLessThanOrEqual(second.delayMs);
  });

  it('counts a cancelled request that had started as finished', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const policy = { ...sliding, limit: 1 };
    const first = await store.reserve('bucket', policy);
    await store.cancel('bucket', first.id, policy);
    const second = await store.reserve('bucket', policy);
    expect(first.delayMs).toBe(0);
    expect(second.delayMs).toBeGreaterThan(900);
  });

  it('serves waiting requests of two processes in arrival order', async () => {
    keys = uniquePrefix(redis);
    // Two stores on separate connections stand in for two processes.
    const first = new RedisLimiterStore({ redis: 'redis://127.0.0.1:6379', keyPrefix: keys.prefix });
    const second = new RedisLimiterStore({ redis: 'redis://127.0.0.1:6379', keyPrefix: keys.prefix });
    const policy = { ...sliding, limit: 1, windowMs: 200 };
    const order: string[] = [];
    const started = [
      await first.reserve('bucket', policy),
      await second.reserve('bucket', policy),
      await first.reserve('bucket', policy),
    ];
    const owners = ['first', 'second', 'first'];
    expect(started[0]?.delayMs).toBe(0);
    // Each later reservation waits longer than the one before it, whichever process made it.
    expect(started[1]?.delayMs).toBeGreaterThan(0);
    expect(started[2]?.delayMs).toBeGreaterThan(started[1]?.delayMs ?? 0);
    for (const [index, reservation] of started.entries())
      if (reservation) order.push(`${owners[index]}@${reservation.delayMs > 0 ? 'later' : 'now'}`);
    expect(order).toEqual(['first@now', 'second@later', 'first@later']);
    await first.close();
    await second.close();
  });

  it('extends a pause and never shortens it', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    await store.pause('bucket', 2000);
    await store.pause('bucket', 100);
    const reservation = await store.reserve('bucket', sliding);
    expect(reservation.reason).toBe('paused');
    expect(reservation.delayMs).toBeGreaterThan(1900);
  });

  it('uses the Redis clock, not the client clock', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const policy = { ...sliding, limit: 1 };
    await store.reserve('bucket', policy);
    // A client whose clock is an hour off still gets a wait measured on the server.
    vi.useFakeTimers({ now: Date.now() + 3_600_000, toFake: ['Date'] });
    const skewed = await store.reserve('bucket', policy);
    expect(skewed.delayMs).toBeGreaterThan(900);
    expect(skewed.delayMs).toBeLessThanOrEqual(1000);
  });

  it('paces GCRA buckets on the server clock', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const gcra: StorePolicy = { algorithm: 'gcra', limit: 10, windowMs: 1000, marginMs: 0, burst: 1 };
    // Sent together, the three scripts run within a millisecond of each other on the server.
    const reservations = await Promise.all([0, 1, 2].map(() => store.reserve('gcra', gcra)));
    const delays = reservations.map((reservation) => reservation.delayMs);
    expect(delays[0]).toBe(0);
    expect(delays[1]).toBeGreaterThan(95);
    expect(delays[1]).toBeLessThanOrEqual(100);
    expect(delays[2]).toBeGreaterThan(195);
    expect(delays[2]).toBeLessThanOrEqual(200);
  });

  it('falls back to a local limit with one warning when Redis is unreachable', async () => {
    const { logger, lines } = recordingLogger();
    const store = new RedisLimiterStore({ redis: unreachable, operationTimeoutMs: 300, logger });
    const policy = { ...sliding, limit: 1 };
    const first = await store.reserve('bucket', policy);
    const second = await store.reserve('bucket', policy);
    expect(first.delayMs).toBe(0);
    expect(second.delayMs).toBeGreaterThan(900);
    expect(lines.filter(([level]) => level === 'warn')).toHaveLength(1);
    expect(lines[0]?.[1]).toContain('Redis is unreachable; rate limiting falls back to this process alone');
    await store.close();
  });

  it('rejects instead of falling back when told to', async () => {
    const store = new RedisLimiterStore({
      redis: unreachable,
      operationTimeoutMs: 300,
      whenUnavailable: 'fail',
    });
    const error = await store.reserve('bucket', sliding).catch((caught: unknown) => caught);
    expect(RedisUnavailableError.isInstance(error)).toBe(true);
    expect((error as RedisUnavailableError).message).toContain('Redis did not complete limiter.reserve');
    await store.close();
  });

  it('keeps two clients with one token within 100 per 10 s', async () => {
    keys = uniquePrefix(redis);
    // Arrival times per token; the server allows 100 per rolling 10 s per token.
    const arrivalsByToken = new Map<string, number[]>();
    let rejected = 0;
    const transport = {
      name: 'window',
      async send(request: { headers: Record<string, string> }) {
        const now = Date.now();
        const arrivals = arrivalsByToken.get(request.headers.authorization ?? '') ?? [];
        arrivalsByToken.set(request.headers.authorization ?? '', arrivals);
        if (arrivals.filter((time) => time > now - 10_000).length >= 100) {
          rejected += 1;
          return { status: 429, headers: {}, text: async () => '{}', discard: async () => {} };
        }
        arrivals.push(now);
        return { status: 200, headers: {}, text: async () => '{}', discard: async () => {} };
      },
    };
    const store = new RedisLimiterStore({ redis, keyPrefix: keys.prefix });
    const make = (token: string) =>
      createClient({
        service: 'hubspot',
        baseUrl: 'https://api.example.test',
        transport,
        auth: bearerAuth(token),
        timeout: { totalMs: 60_000 },
        limiter: { store, buckets: { default: { limit: 100, windowMs: 10_000 } } },
      });
    const first = make('token-a');
    const second = make('token-a');
    const other = make('token-b');
    const startedAt = Date.now();
    const calls = [
      ...Array.from({ length: 75 }, () => first.request({ method: 'GET', path: '/a' })),
      ...Array.from({ length: 75 }, () => second.request({ method: 'GET', path: '/b' })),
    ];
    const otherStartedAt = Date.now();
    await other.request({ method: 'GET', path: '/other' });
    const otherWaitMs = Date.now() - otherStartedAt;
    await Promise.all(calls);

    const shared = arrivalsByToken.get('Bearer token-a') ?? [];
    expect(otherWaitMs).toBeLessThan(500);
    expect(shared.filter((time) => time < startedAt + 10_000)).toHaveLength(100);
    expect(shared).toHaveLength(150);
    expect(rejected).toBe(0);
  }, 30_000);
});

describe('RedisDedupStore', () => {
  it('claims once, reports in-progress and duplicates, and releases failures', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisDedupStore({ redis, keyPrefix: keys.prefix });
    expect(await store.claim('evt_1', 60_000)).toBe('claimed');
    expect(await store.claim('evt_1', 60_000)).toBe('in-progress');
    await store.release('evt_1');
    expect(await store.claim('evt_1', 60_000)).toBe('claimed');
    await store.markProcessed('evt_1', 60_000);
    expect(await store.claim('evt_1', 60_000)).toBe('duplicate');
    await store.release('evt_1');
    expect(await store.claim('evt_1', 60_000)).toBe('duplicate');
  });

  it('lets a claim expire after its lease', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisDedupStore({ redis, keyPrefix: keys.prefix });
    expect(await store.claim('evt_2', 100)).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.claim('evt_2', 100)).toBe('claimed');
  });

  it('fails closed when Redis is unreachable', async () => {
    const store = new RedisDedupStore({ redis: unreachable, operationTimeoutMs: 300 });
    const error = await Promise.resolve(store.claim('evt_3', 1000)).catch((caught: unknown) => caught);
    expect(RedisUnavailableError.isInstance(error)).toBe(true);
    expect((error as RedisUnavailableError).operation).toBe('dedup.claim');
    await store.close();
  });

  it('keeps acknowledged decisions across a Redis crash and restart', async () => {
    const server = new PrivateRedisServer();
    await server.start();
    try {
      const before = new RedisDedupStore({ redis: server.url });
      for (let index = 0; index < 50; index += 1) {
        expect(await before.claim(`evt_${index}`, 60_000)).toBe('claimed');
        await before.markProcessed(`evt_${index}`, 3_600_000);
      }
      await server.kill();
      await before.close();
      await server.start();

      const after = new RedisDedupStore({ redis: server.url });
      const claims = [];
      for (let index = 0; index < 50; index += 1) claims.push(await after.claim(`evt_${index}`, 60_000));
      expect(claims).toEqual(Array(50).fill('duplicate'));
      await after.close();
    } finally {
      await server.dispose();
    }
  });
});

describe('RedisTokenStore', () => {
  it('stores tokens and decodes them back', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix });
    expect(await store.get('acct')).toBeUndefined();
    await store.set('acct', { accessToken: 'at', refreshToken: 'rt', expiresAtMs: 123 });
    expect(await store.get('acct')).toEqual({ accessToken: 'at', refreshToken: 'rt', expiresAtMs: 123 });
  });

  it('applies a codec, for example to encrypt', async () => {
    keys = uniquePrefix(redis);
    const codec = {
      encode: (token: object) => Buffer.from(JSON.stringify(token)).toString('base64'),
      decode: (value: string) => JSON.parse(Buffer.from(value, 'base64').toString()),
    };
    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix, codec });
    await store.set('acct', { accessToken: 'secret-access' });
    expect(await redis.get(`${keys.prefix}token:acct`)).not.toContain('secret-access');
    expect(await store.get('acct')).toEqual({ accessToken: 'secret-access' });
  });

  it('hands the lock to one holder at a time', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix, lockPollMs: 10 });
    const order: string[] = [];
    const first = await store.lock('acct', 5000, AbortSignal.timeout(5000));
    const waitSignal = new AbortController().signal;
    const waiting = store.lock('acct', 5000, waitSignal).then((lock) => {
      order.push('second');
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('first releases');
    await first.release();
    const second = await waiting;
    await second.release();
    expect(order).toEqual(['first releases', 'second']);
    // About ten polls happened; none of them left an abort listener behind.
    expect(getEventListeners(waitSignal, 'abort')).toHaveLength(0);
  });

  it('stops waiting for the lock when the signal aborts', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix, lockPollMs: 10 });
    await store.lock('acct', 5000, AbortSignal.timeout(5000));
    const error = await store.lock('acct', 5000, AbortSignal.timeout(100)).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('fails closed when Redis is unreachable', async () => {
    const store = new RedisTokenStore({ redis: unreachable, operationTimeoutMs: 300 });
    const error = await store.get('acct').catch((caught: unknown) => caught);
    expect(RedisUnavailableError.isInstance(error)).toBe(true);
    await store.close();
  });
});

describe('RedisDeliveryStore', () => {
  function record(id: string, nextAttemptAtMs: number): DeliveryRecord {
    return {
      id,
      url: 'https://hooks.example.test/in',
      type: 'invoice.paid',
      body: '{"id":"evt_1","amount":10.5}',
      status: 'pending',
      createdAtMs: 1000,
      nextAttemptAtMs,
      attempts: [],
    };
  }

  it('claims due deliveries once per lease, oldest first', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisDeliveryStore({ redis, keyPrefix: keys.prefix });
    await store.save(record('msg_b', 2000));
    await store.save(record('msg_a', 1000));
    await store.save(record('msg_c', 9000));

    const claimed = await store.claimDue(5000, 30_000, 10);
    expect(claimed.map((delivery) => delivery.id)).toEqual(['msg_a', 'msg_b']);
    expect(claimed[0]?.body).toBe('{"id":"evt_1","amount":10.5}');
    expect(await store.claimDue(5000, 30_000, 10)).toEqual([]);
    expect(await store.nextDueAtMs()).toBe(9000);
    expect((await store.get('msg_a'))?.nextAttemptAtMs).toBe(35_000);
  });

  it('drops finished deliveries from the schedule', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisDeliveryStore({ redis, keyPrefix: keys.prefix });
    await store.save(record('msg_a', 1000));
    await store.save({ ...record('msg_a', 1000), status: 'delivered', nextAttemptAtMs: undefined });
    expect(await store.claimDue(5000, 1000, 10)).toEqual([]);
    expect((await store.get('msg_a'))?.status).toBe('delivered');
  });

  it('records disabled endpoints', async () => {
    keys = uniquePrefix(redis);
    const store = new RedisDeliveryStore({ redis, keyPrefix: keys.prefix });
    const endpoint = { url: 'https://hooks.example.test/gone', disabledAtMs: 5, deliveryId: 'msg_a' };
    await store.disableEndpoint(endpoint);
    expect(await store.getDisabledEndpoint(endpoint.url)).toEqual(endpoint);
    await store.enableEndpoint(endpoint.url);
    expect(await store.getDisabledEndpoint(endpoint.url)).toBeUndefined();
  });

  it('lets a new sender resume a delivery a stopped one left pending', async () => {
    keys = uniquePrefix(redis);
    const received: string[] = [];
    const { createServer } = await import('node:http');
    let answers = 0;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push(body);
        answers += 1;
        response.writeHead(answers === 1 ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const options = { secret, allowPrivateNetworks: ['127.0.0.1'], retryScheduleMs: [0, 200], jitter: 0 };

    const first = createWebhookSender({
      ...options,
      store: new RedisDeliveryStore({ redis, keyPrefix: keys.prefix }),
    });
    const { id } = await first.send(url, { type: 'invoice.paid', id: 'evt_9' });
    await first.runDue();
    await first.close();

    const second = createWebhookSender({
      ...options,
      store: new RedisDeliveryStore({ redis, keyPrefix: keys.prefix }),
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await second.runDue();
    const delivery = await second.getDelivery(id);
    await second.close();
    server.close();

    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(received).toHaveLength(2);
    expect(received[1]).toBe(received[0]);
  });
});
