import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signStripeWebhook } from '@patchbay/webhooks/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisTokenStore } from '../src/index.js';
import { connectSharedRedis, sharedRedisUrl, startWorker, uniquePrefix } from './redis-harness.js';

let redis: Redis;
let keys: ReturnType<typeof uniquePrefix>;

beforeAll(async () => {
  redis = await connectSharedRedis();
});

afterAll(() => {
  redis.disconnect();
});

afterEach(async () => {
  await keys?.cleanup();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('limiter shared by processes', () => {
  it('keeps four processes within a rolling window with no 429', async () => {
    keys = uniquePrefix(redis);
    const limit = 100;
    const windowMs = 1000;
    const arrivals: number[] = [];
    let rejected = 0;
    const server = createServer((request, response) => {
      const now = Date.now();
      const recent = arrivals.filter((time) => time > now - windowMs).length;
      if (recent >= limit) {
        rejected += 1;
        response.writeHead(429, { 'retry-after': '1' }).end('{}');
        return;
      }
      arrivals.push(now);
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const apiUrl = await listen(server);

    const startAt = Date.now() + 3000;
    const workers = Array.from({ length: 4 }, () =>
      startWorker('limiter-worker.ts', {
        REDIS_URL: sharedRedisUrl,
        PREFIX: keys.prefix,
        API_URL: apiUrl,
        TOKEN: 'shared-token',
        COUNT: '150',
        START_AT: String(startAt),
        LIMIT: String(limit),
        WINDOW_MS: String(windowMs),
      }),
    );
    const reports = (await Promise.all(workers.map((worker) => worker.output))).map((output) =>
      JSON.parse(output),
    );
    server.close();

    // The allowed rate is 100 requests per second; the achieved rate runs from the first arrival to the last.
    const elapsedMs = Math.max(...arrivals) - Math.min(...arrivals);
    const achievedPerSecond = (arrivals.length / elapsedMs) * 1000;
    expect(
      reports.map((report) => report.ok),
      JSON.stringify(reports),
    ).toEqual([150, 150, 150, 150]);
    expect(reports.flatMap((report) => report.otherErrors)).toEqual([]);
    expect(rejected).toBe(0);
    expect(arrivals).toHaveLength(600);
    expect(achievedPerSecond / limit, `${achievedPerSecond.toFixed(1)} per second`).toBeGreaterThanOrEqual(
      0.95,
    );
  });
});

describe('OAuth refresh shared by processes', () => {
  it('refreshes once for twenty concurrent 401s across four processes', async () => {
    keys = uniquePrefix(redis);
    let refreshes = 0;
    const server = createServer((request, response) => {
      if (request.url === '/oauth/token') {
        refreshes += 1;
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              access_token: `fresh-${refreshes}`,
              refresh_token: `refresh-${refreshes + 1}`,
              expires_in: 1800,
            }),
          );
        }, 100);
        return;
      }
      const token = request.headers.authorization?.slice('Bearer '.length);
      if (token?.startsWith('fresh-')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
      } else {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"category":"EXPIRED_AUTHENTICATION"}');
      }
    });
    const apiUrl = await listen(server);
    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix });
    await store.set('account-1', {
      accessToken: 'stale',
      refreshToken: 'refresh-1',
      expiresAtMs: Date.now() + 3_600_000,
    });

    const startAt = Date.now() + 3000;
    const workers = Array.from({ length: 4 }, () =>
      startWorker('oauth-worker.ts', {
        REDIS_URL: sharedRedisUrl,
        PREFIX: keys.prefix,
        API_URL: apiUrl,
        TOKEN_URL: `${apiUrl}/oauth/token`,
        COUNT: '5',
        START_AT: String(startAt),
      }),
    );
    const tokens = (await Promise.all(workers.map((worker) => worker.output))).flatMap((output) =>
      JSON.parse(output),
    );
    server.close();

    expect(refreshes).toBe(1);
    expect(tokens).toEqual(Array(20).fill('fresh-1'));
    expect(await store.get('account-1')).toMatchObject({ accessToken: 'fresh-1', refreshToken: 'refresh-2' });
  });

  it('lets others refresh after a killed lock holder once the lock expires', async () => {
    keys = uniquePrefix(redis);
    const holder = startWorker('lock-holder.ts', {
      REDIS_URL: sharedRedisUrl,
      PREFIX: keys.prefix,
      TTL_MS: '1500',
    });
    expect(await holder.firstLine).toBe('locked');
    const lockedAt = Date.now();
    holder.kill('SIGKILL');

    const store = new RedisTokenStore({ redis, keyPrefix: keys.prefix, lockPollMs: 20 });
    const lock = await store.lock('account-1', 1500, AbortSignal.timeout(10_000));
    const waitedMs = Date.now() - lockedAt;
    await lock.release();

    expect(waitedMs).toBeLessThan(1500 + 500);
    expect(await redis.exists(`${keys.prefix}token-lock:account-1`)).toBe(0);
  });
});

describe('webhook dedup shared by receivers', () => {
  it('handles one event delivered to three receivers once', async () => {
    keys = uniquePrefix(redis);
    const secret = 'whsec_test_cross_process_secret_value';
    const workers = Array.from({ length: 3 }, () =>
      startWorker('receiver-worker.ts', { REDIS_URL: sharedRedisUrl, PREFIX: keys.prefix, SECRET: secret }),
    );
    try {
      const ports = await Promise.all(workers.map((worker) => worker.firstLine));
      const signed = signStripeWebhook({
        payload: { id: 'evt_once', type: 'invoice.paid', data: { object: {} } },
        secret,
      });
      const deliver = (port: string) =>
        fetch(`http://127.0.0.1:${port}/webhooks`, {
          method: 'POST',
          headers: signed.headers,
          body: signed.body,
        }).then(async (response) => ({ status: response.status, body: await response.text() }));

      const concurrent = await Promise.all(ports.map(deliver));
      const redelivered = await Promise.all(ports.map(deliver));
      const handled = await redis.lrange(`${keys.prefix}handled`, 0, -1);

      expect(handled).toHaveLength(1);
      expect(handled[0]).toMatch(/^evt_once@\d+$/);
      // One replica handles it; the others see the claim in progress and respond with 409, so the sender retries.
      expect(concurrent.map((response) => response.status).sort()).toEqual([200, 409, 409]);
      expect(redelivered.map((response) => response.status)).toEqual([200, 200, 200]);
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
    }
  });
});
