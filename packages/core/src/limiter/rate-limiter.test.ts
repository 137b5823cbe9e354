import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlerTransport } from '../../test/handler-transport.js';
import { bearerAuth } from '../auth/static-auth.js';
import { ConfigurationError } from '../errors/request-errors.js';
import { createClient } from '../pipeline/client.js';
import type { LimiterPausedEvent, RateLimitedEvent } from '../pipeline/client-events.js';
import type { Transport } from '../transport/transport.js';
import { MemoryLimiterStore } from './memory-limiter-store.js';
import { RateLimiter } from './rate-limiter.js';

const start = 1_700_000_000_000;

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A server that allows `limit` requests per rolling `windowMs` per token and answers 429 beyond. */
function rollingWindowServer(
  limit: number,
  windowMs: number,
  headers?: (remaining: number) => Record<string, string>,
) {
  const arrivals = new Map<string, number[]>();
  let rejected = 0;
  const { transport, requests } = handlerTransport((request) => {
    const token = request.headers.authorization ?? '';
    const now = Date.now();
    const recent = (arrivals.get(token) ?? []).filter((time) => time > now - windowMs);
    if (recent.length >= limit) {
      rejected += 1;
      arrivals.set(token, recent);
      return { status: 429, json: { message: 'rate limited' } };
    }
    recent.push(now);
    arrivals.set(token, recent);
    return { status: 200, json: { ok: true }, headers: headers?.(limit - recent.length) };
  });
  return { transport, requests, rejected: () => rejected };
}

/** Creates a client whose limiter reads HubSpot-style remaining and interval headers. */
function remainingHeaderClient(server: { transport: Transport }, limit: number, windowMs: number) {
  const paused: LimiterPausedEvent[] = [];
  const client = createClient({
    service: 'hubspot',
    baseUrl: 'https://api.example.test',
    transport: server.transport,
    auth: bearerAuth('token-a'),
    limiter: {
      buckets: { default: { limit, windowMs } },
      parseHeaders: (headers) => ({
        remaining: Number(headers['x-hubspot-ratelimit-remaining']),
        windowMs: Number(headers['x-hubspot-ratelimit-interval-milliseconds']),
      }),
    },
  });
  client.events.on('limiter-paused', (event) => paused.push(event));
  return { client, paused };
}

function startTimes(requests: Array<{ sentAtMs: number }>) {
  return requests.map((request) => request.sentAtMs - start);
}

describe('shared limiter store', () => {
  it('keeps two clients with one token within the limit and leaves other tokens alone', async () => {
    const server = rollingWindowServer(100, 10_000);
    const store = new MemoryLimiterStore();
    const limiter = () => ({ buckets: { default: { limit: 100, windowMs: 10_000 } }, store });
    const make = (token: string) =>
      createClient({
        service: 'hubspot',
        baseUrl: 'https://api.example.test',
        transport: server.transport,
        auth: bearerAuth(token),
        limiter: limiter(),
      });
    const first = make('token-a');
    const second = make('token-a');
    const other = make('token-b');

    const calls = [
      ...Array.from({ length: 75 }, (_, index) => first.request({ method: 'GET', path: `/a/${index}` })),
      ...Array.from({ length: 75 }, (_, index) => second.request({ method: 'GET', path: `/b/${index}` })),
    ];
    const otherCall = other.request({ method: 'GET', path: '/other' });
    await vi.advanceTimersByTimeAsync(0);
    await otherCall;
    const otherRequest = server.requests.find((request) => request.url.pathname === '/other');
    expect(otherRequest?.sentAtMs).toBe(start);

    await vi.advanceTimersByTimeAsync(25_000);
    await Promise.all(calls);
    const shared = server.requests.filter((request) => request.headers.authorization === 'Bearer token-a');
    expect(shared).toHaveLength(150);
    expect(startTimes(shared).filter((time) => time < 10_000)).toHaveLength(100);
    expect(server.rejected()).toBe(0);
  });

  it('pauses the bucket until the window rolls when remaining reaches 0', async () => {
    const server = rollingWindowServer(1000, 10_000, () => ({
      'x-hubspot-ratelimit-remaining': '0',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    }));
    const { client, paused } = remainingHeaderClient(server, 100, 10_000);
    await client.request({ method: 'GET', path: '/first' });
    const second = client.request({ method: 'GET', path: '/second' });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(startTimes(server.requests)).toEqual([0, 10_000]);
    expect(paused[0]).toMatchObject({ bucket: 'default', reason: 'remaining-zero', untilMs: start + 10_000 });
  });

  it('skips the pause when its own requests filled the window', async () => {
    const server = rollingWindowServer(3, 1_000, (remaining) => ({
      'x-hubspot-ratelimit-remaining': String(remaining),
      'x-hubspot-ratelimit-interval-milliseconds': '1000',
    }));
    const { client, paused } = remainingHeaderClient(server, 3, 1_000);

    await client.request({ method: 'GET', path: '/1' });
    await vi.advanceTimersByTimeAsync(400);
    await client.request({ method: 'GET', path: '/2' });
    await vi.advanceTimersByTimeAsync(400);
    await client.request({ method: 'GET', path: '/3' });
    // The third response (at 800 ms) carries remaining 0. A pause of a whole window from then would
    // hold the fourth request until 1,800 ms; the first request leaves the window at 1,000 ms.
    const fourth = client.request({ method: 'GET', path: '/4' });
    await vi.advanceTimersByTimeAsync(2_000);
    await fourth;

    expect(startTimes(server.requests)).toEqual([0, 400, 800, 1_010]);
    expect(server.rejected()).toBe(0);
    expect(paused).toEqual([]);
  });

  it('pauses for a reset longer than the window', async () => {
    const { transport, requests } = handlerTransport(() => ({
      status: 200,
      json: {},
      headers: { 'x-daily-remaining': '0' },
    }));
    const paused: LimiterPausedEvent[] = [];
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      limiter: {
        buckets: { default: { limit: 1, windowMs: 1_000 } },
        parseHeaders: (headers) =>
          headers['x-daily-remaining'] === '0' ? { remaining: 0, resetMs: 60_000 } : undefined,
      },
    });
    client.events.on('limiter-paused', (event) => paused.push(event));

    await client.request({ method: 'GET', path: '/1' });
    const second = client.request({ method: 'GET', path: '/2' });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await second;

    expect(startTimes(requests)).toEqual([0, 60_000]);
    expect(paused.map((event) => [event.reason, event.untilMs - start])).toEqual([
      ['remaining-zero', 60_000],
      ['remaining-zero', 120_000],
    ]);
  });

  it('pauses every request on the bucket after a 429 with Retry-After', async () => {
    let calls = 0;
    const { transport, requests } = handlerTransport(() => {
      calls += 1;
      return calls === 1
        ? { status: 429, json: {}, headers: { 'retry-after': '3' } }
        : { status: 200, json: {} };
    });
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      retry: { jitter: 'none' },
      limiter: { buckets: { default: { limit: 1000, windowMs: 1000 } } },
    });
    const first = client.request({ method: 'GET', path: '/1' });
    await vi.advanceTimersByTimeAsync(0);
    const later = client.request({ method: 'GET', path: '/2' });
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all([first, later]);
    expect(startTimes(requests)).toEqual([0, 3000, 3000]);
  });
});

describe('named buckets', () => {
  it('does not queue a plain request behind searches', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: {} }));
    const waits: RateLimitedEvent[] = [];
    const client = createClient({
      service: 'hubspot',
      baseUrl: 'https://api.example.test',
      transport,
      limiter: {
        buckets: {
          default: { limit: 100, windowMs: 10_000 },
          search: { limit: 4, windowMs: 1000, marginMs: 0 },
        },
      },
    });
    client.events.on('rate-limited', (event) => waits.push(event));
    const searches = Array.from({ length: 10 }, () =>
      client.request({ method: 'POST', path: '/search', json: {}, bucket: 'search' }),
    );
    const get = client.request({ method: 'GET', path: '/contact' });
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all([...searches, get]);

    const searchTimes = startTimes(requests.filter((request) => request.url.pathname === '/search'));
    expect(searchTimes).toEqual([0, 0, 0, 0, 1000, 1000, 1000, 1000, 2000, 2000]);
    expect(startTimes(requests.filter((request) => request.url.pathname === '/contact'))).toEqual([0]);
    expect(waits.every((event) => event.bucket === 'search')).toBe(true);
  });
});

describe('queue', () => {
  it('gives a cancelled slot to the next request', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: {} }));
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      limiter: { buckets: { default: { limit: 1, windowMs: 1000, marginMs: 0 } } },
    });
    const controller = new AbortController();
    const first = client.request({ method: 'GET', path: '/1' });
    const cancelled = client
      .request({ method: 'GET', path: '/2', signal: controller.signal })
      .catch((error: unknown) => error);
    const third = client.request({ method: 'GET', path: '/3' });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all([first, third]);

    expect((await cancelled) as Error).toMatchObject({ name: 'AbortError' });
    expect(requests.map((request) => [request.url.pathname, request.sentAtMs - start])).toEqual([
      ['/1', 0],
      ['/3', 1000],
    ]);
  });

  it('caps requests in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport: {
        name: 'slow',
        async send() {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 100));
          inFlight -= 1;
          return { status: 200, headers: {}, text: async () => '{}', discard: async () => {} };
        },
      },
      limiter: { buckets: {}, concurrency: 3 },
    });
    const calls = Array.from({ length: 10 }, () => client.request({ method: 'GET', path: '/x' }));
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(calls);
    expect(maxInFlight).toBe(3);
  });

  it('rejects invalid bucket options with the option name', () => {
    expect(() => new RateLimiter({ buckets: { search: { limit: 0, windowMs: 1000 } } })).toThrow(
      ConfigurationError,
    );
    expect(() => new RateLimiter({ buckets: { search: { limit: 0, windowMs: 1000 } } })).toThrow(
      'limiter.buckets.search.limit must be a whole number >= 1; received 0.',
    );
  });
});

describe('sliding window guarantee', () => {
  it('counts a request until its response arrives', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: {}, delayMs: 60 }));
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      limiter: { buckets: { default: { limit: 2, windowMs: 1000 } } },
    });
    const calls = Array.from({ length: 4 }, () => client.request({ method: 'GET', path: '/x' }));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(calls);
    // The first pair may reach the server as late as 60 ms, so the second pair waits 1000 ms
    // (plus the 10 ms margin) after that, not after the moment the first pair left.
    expect(startTimes(requests)).toEqual([0, 0, 1070, 1070]);
  });

  it('keeps counting a request while it is in flight', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: {}, delayMs: 3000 }));
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      timeout: { attemptMs: 10_000 },
      limiter: { buckets: { default: { limit: 1, windowMs: 1000 } } },
    });
    const calls = Array.from({ length: 2 }, () => client.request({ method: 'GET', path: '/x' }));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(calls);
    expect(startTimes(requests)).toEqual([0, 4010]);
  });

  it('never starts more than the limit in any window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 100, max: 1500 }),
        async (arrivals, limit, windowMs) => {
          vi.setSystemTime(start);
          const { transport, requests } = handlerTransport(() => ({ status: 200, json: {} }));
          const client = createClient({
            service: 'p',
            baseUrl: 'https://api.example.test',
            transport,
            timeout: { totalMs: 10_000_000 },
            limiter: { buckets: { default: { limit, windowMs } } },
          });
          const sorted = [...arrivals].sort((a, b) => a - b);
          const calls: Promise<unknown>[] = [];
          let elapsed = 0;
          for (const arrival of sorted) {
            await vi.advanceTimersByTimeAsync(arrival - elapsed);
            elapsed = arrival;
            calls.push(client.request({ method: 'GET', path: '/x' }));
          }
          await vi.advanceTimersByTimeAsync(arrivals.length * windowMs * 2);
          await Promise.all(calls);

          const times = requests.map((request) => request.sentAtMs);
          for (const time of times) {
            const inWindow = times.filter((other) => other >= time && other < time + windowMs).length;
            if (inWindow > limit) return false;
          }
          return times.length === arrivals.length;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps server arrivals within the limit whatever the network delay', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 3000 }),
            fc.integer({ min: 0, max: 400 }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 200, max: 1000 }),
        async (plan, limit, windowMs) => {
          vi.setSystemTime(start);
          // Each request reaches the server somewhere between leaving and its response.
          const arrivals: number[] = [];
          let index = 0;
          const { transport } = handlerTransport((request) => {
            const [, latencyMs, fraction] = plan[index] ?? [0, 0, 0];
            index += 1;
            arrivals.push(request.sentAtMs + Math.floor(latencyMs * fraction));
            return { status: 200, json: {}, delayMs: latencyMs };
          });
          const client = createClient({
            service: 'p',
            baseUrl: 'https://api.example.test',
            transport,
            timeout: { totalMs: 10_000_000, attemptMs: 10_000 },
            limiter: { buckets: { default: { limit, windowMs, marginMs: 0 } } },
          });
          const sorted = [...plan].sort((a, b) => a[0] - b[0]);
          const calls: Promise<unknown>[] = [];
          let elapsed = 0;
          for (const [arrival] of sorted) {
            await vi.advanceTimersByTimeAsync(arrival - elapsed);
            elapsed = arrival;
            calls.push(client.request({ method: 'GET', path: '/x' }));
          }
          await vi.advanceTimersByTimeAsync(plan.length * (windowMs + 500) * 2);
          await Promise.all(calls);

          for (const time of arrivals) {
            const inWindow = arrivals.filter((other) => other >= time && other < time + windowMs).length;
            if (inWindow > limit) return false;
          }
          return arrivals.length === plan.length;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('paces GCRA buckets evenly after the burst', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: {} }));
    const client = createClient({
      service: 'x',
      baseUrl: 'https://api.example.test',
      transport,
      limiter: { buckets: { default: { limit: 10, windowMs: 1000, algorithm: 'gcra', burst: 2 } } },
    });
    const calls = Array.from({ length: 5 }, () => client.request({ method: 'GET', path: '/x' }));
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(calls);
    expect(startTimes(requests)).toEqual([0, 0, 100, 200, 300]);
  });
});
