import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScriptedTransport, type Step } from '../../test/scripted-transport.js';
import { type HttpError, RateLimitError } from '../errors/http-error.js';
import { AbortError, ConfigurationError, NetworkError, TimeoutError } from '../errors/request-errors.js';
import type { RetryOptions } from '../retry/retry-options.js';
import { type ClientOptions, createClient } from './client.js';
import type { RetryEvent } from './client-events.js';

const start = 1_700_000_000_000;

function setup(steps: Step[], options: Partial<ClientOptions> = {}) {
  const transport = new ScriptedTransport(steps);
  const client = createClient({
    service: 'example',
    baseUrl: 'https://api.example.test',
    transport,
    ...options,
  });
  const retries: RetryEvent[] = [];
  client.events.on('retry', (event) => retries.push(event));
  return { transport, client, retries };
}

const noJitter: RetryOptions = { initialDelayMs: 100, maxDelayMs: 10_000, jitter: 'none' };

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('total deadline', () => {
  it('stops retrying when the next wait would pass the total budget', async () => {
    const { client, transport } = setup([{ status: 429, delayMs: 10, json: { message: 'slow down' } }], {
      retry: { maxRetries: 15, initialDelayMs: 300, maxDelayMs: 1_000_000, jitter: 'none' },
      timeout: { totalMs: 1000 },
    });

    const call = client.request({ method: 'GET', path: '/v1/things' });
    const outcome = call.catch((error: unknown) => ({ error, atMs: Date.now() - start }));
    await vi.advanceTimersByTimeAsync(1000);
    const result = (await outcome) as { error: TimeoutError; atMs: number };

    expect(transport.sent.map((request) => request.sentAtMs - start)).toEqual([0, 310, 920]);
    expect(TimeoutError.isInstance(result.error)).toBe(true);
    expect(result.error.timeout).toBe('total');
    expect(result.error.attempts).toBe(3);
    expect(result.error.message).toContain('total time budget of 1000 ms');
    expect(RateLimitError.isInstance(result.error.lastError)).toBe(true);
    expect((result.error.lastError as RateLimitError).status).toBe(429);
    expect(result.atMs).toBeLessThanOrEqual(1000);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.sent).toHaveLength(3);
  });

  it('aborts each attempt at its own timeout and ends at the total deadline', async () => {
    const { client, transport } = setup([{ hang: true }], {
      retry: { ...noJitter, maxRetries: 10 },
      timeout: { attemptMs: 500, totalMs: 2000 },
    });
    const abortedAt: number[] = [];
    const call = client.request({ method: 'GET', path: '/slow' }).catch((error: unknown) => error);
    for (let step = 0; step < 25; step += 1) {
      for (const request of transport.sent) {
        if (request.signal.aborted && !abortedAt[transport.sent.indexOf(request)]) {
          abortedAt[transport.sent.indexOf(request)] = Date.now() - start;
        }
      }
      await vi.advanceTimersByTimeAsync(100);
    }
    const error = (await call) as TimeoutError;

    expect(transport.sent.map((request) => request.sentAtMs - start)).toEqual([0, 600, 1300]);
    expect(abortedAt).toEqual([500, 1100, 1800]);
    expect(error.timeout).toBe('total');
    expect(error.attempts).toBe(3);
    expect(TimeoutError.isInstance(error.lastError)).toBe(true);
    expect((error.lastError as TimeoutError).timeout).toBe('attempt');
  });

  it('aborts the in-flight attempt when the total deadline passes', async () => {
    const { client, transport } = setup([{ hang: true }], { timeout: { attemptMs: 5000, totalMs: 1200 } });
    const call = client.request({ method: 'GET', path: '/slow' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1200);
    const error = (await call) as TimeoutError;
    expect(transport.sent[0]?.signal.aborted).toBe(true);
    expect(error.timeout).toBe('total');
    expect(error.message).toContain('timeout.totalMs');
  });
});

describe('attempt timeout', () => {
  it('names the attempt budget in the error and retries it', async () => {
    const { client, transport } = setup([{ hang: true }, { status: 200, json: { ok: true } }], {
      retry: noJitter,
      timeout: { attemptMs: 300 },
    });
    const call = client.request({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(400);
    await expect(call).resolves.toMatchObject({ data: { ok: true }, attempts: 2 });
    expect(transport.sent).toHaveLength(2);
  });

  it('reports which timeout fired when retries are exhausted', async () => {
    const { client } = setup([{ hang: true }], { retry: { maxRetries: 0 }, timeout: { attemptMs: 250 } });
    const call = client.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(250);
    const error = (await call) as TimeoutError;
    expect(error.timeout).toBe('attempt');
    expect(error.timeoutMs).toBe(250);
    expect(error.message).toContain('attempt 1 timed out after 250 ms (timeout.attemptMs)');
  });
});

describe('body replay', () => {
  it('sends the same bytes on every attempt', async () => {
    const { client, transport } = setup([{ status: 503 }, { status: 201, json: { id: 'obj_1' } }], {
      retry: noJitter,
      idempotency: { header: 'Idempotency-Key' },
    });
    const payload = { name: 'Ada', tags: ['xy'] };
    expect(new TextEncoder().encode(JSON.stringify(payload))).toHaveLength(28);

    const call = client.request({ method: 'POST', path: '/v1/things', json: payload });
    await vi.advanceTimersByTimeAsync(100);
    await expect(call).resolves.toMatchObject({ status: 201, data: { id: 'obj_1' } });

    expect(transport.sent).toHaveLength(2);
    expect(transport.sent[0]?.body).toHaveLength(28);
    expect(transport.sent[1]?.body).toEqual(transport.sent[0]?.body);
    expect(transport.sent[0]?.headers['content-type']).toBe('application/json');
  });

  it('does not retry a one-shot stream and says why', async () => {
    const { client, transport } = setup([{ status: 503 }, { status: 201 }], {
      retry: noJitter,
      idempotency: { header: 'Idempotency-Key' },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk'));
        controller.close();
      },
    });
    const error = (await client
      .request({ method: 'POST', path: '/upload', body: stream })
      .catch((e) => e)) as HttpError;
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]?.bodyText).toBe('chunk');
    expect(error.status).toBe(503);
    expect(error.notRetriedReason).toContain('one-shot stream');
    expect(error.message).toContain('pass a function that returns a fresh stream');
  });

  it('retries a stream factory with a fresh stream', async () => {
    const { client, transport } = setup([{ status: 503 }, { status: 201, json: {} }], {
      retry: noJitter,
      idempotency: { header: 'Idempotency-Key' },
    });
    let created = 0;
    const body = () => {
      created += 1;
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`part-${created}`));
          controller.close();
        },
      });
    };
    const call = client.request({ method: 'POST', path: '/upload', body });
    await vi.advanceTimersByTimeAsync(100);
    await expect(call).resolves.toMatchObject({ status: 201 });
    expect(created).toBe(2);
    expect(transport.sent.map((request) => request.bodyText)).toEqual(['part-1', 'part-2']);
  });
});

describe('retry rules', () => {
  it('makes exactly one attempt with maxRetries 0', async () => {
    const { client, transport } = setup([{ status: 503 }], { retry: { maxRetries: 0 } });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e) => e)) as HttpError;
    expect(transport.sent).toHaveLength(1);
    expect(error.attempts).toBe(1);
    expect(error.notRetriedReason).toBe('retry.maxRetries (0) reached');
  });

  it('counts retries, not attempts', async () => {
    const { client, transport, retries } = setup([{ status: 500 }], {
      retry: { ...noJitter, maxRetries: 3 },
    });
    const call = client.request({ method: 'GET', path: '/x' }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = (await call) as HttpError;
    expect(transport.sent).toHaveLength(4);
    expect(retries.map((event) => event.delayMs)).toEqual([100, 200, 400]);
    expect(retries.map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(retries[0]?.reason).toBe('server 500');
    expect(error.attempts).toBe(4);
  });

  it('does not retry a POST without an idempotency key', async () => {
    const { client, transport } = setup([{ status: 503 }, { status: 200, json: {} }], { retry: noJitter });
    const error = (await client
      .request({ method: 'POST', path: '/x', json: {} })
      .catch((e) => e)) as HttpError;
    expect(transport.sent).toHaveLength(1);
    expect(error.notRetriedReason).toContain('POST is not idempotent and the call has no idempotency key');
  });

  it('retries a POST marked idempotent', async () => {
    const { client, transport } = setup([{ status: 503 }, { status: 200, json: { found: [] } }], {
      retry: noJitter,
    });
    const call = client.request({ method: 'POST', path: '/search', json: {}, idempotent: true });
    await vi.advanceTimersByTimeAsync(100);
    await expect(call).resolves.toMatchObject({ data: { found: [] } });
    expect(transport.sent).toHaveLength(2);
  });

  it('creates one idempotency key per call and reuses it', async () => {
    let generated = 0;
    const { client, transport } = setup([{ status: 500 }, { status: 500 }, { status: 200, json: {} }], {
      retry: noJitter,
      idempotency: { header: 'Idempotency-Key', generateKey: () => `key-${++generated}` },
    });
    const call = client.request({ method: 'POST', path: '/x', json: { a: 1 } });
    await vi.advanceTimersByTimeAsync(1000);
    await call;
    expect(transport.sent.map((request) => request.headers['idempotency-key'])).toEqual([
      'key-1',
      'key-1',
      'key-1',
    ]);
    expect(generated).toBe(1);
  });

  it("never replaces the caller's idempotency key", async () => {
    const { client, transport } = setup([{ status: 500 }, { status: 200, json: {} }], {
      retry: noJitter,
      idempotency: { header: 'Idempotency-Key', generateKey: () => 'generated' },
    });
    const call = client.request({ method: 'POST', path: '/x', json: {}, idempotencyKey: 'order-42' });
    await vi.advanceTimersByTimeAsync(1000);
    await call;
    expect(transport.sent.map((request) => request.headers['idempotency-key'])).toEqual([
      'order-42',
      'order-42',
    ]);
  });

  it('sends no idempotency key on GET', async () => {
    const { client, transport } = setup([{ status: 200, json: {} }], {
      idempotency: { header: 'Idempotency-Key' },
    });
    await client.request({ method: 'GET', path: '/x' });
    expect(transport.sent[0]?.headers).not.toHaveProperty('idempotency-key');
  });

  it('waits for Retry-After instead of the backoff', async () => {
    const { client, transport, retries } = setup(
      [
        { status: 429, headers: { 'retry-after': '2' } },
        { status: 200, json: { ok: 1 } },
      ],
      { retry: noJitter },
    );
    const call = client.request({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(transport.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(call).resolves.toMatchObject({ attempts: 2 });
    expect(retries[0]).toMatchObject({ delayMs: 2000, delaySource: 'retry-after' });
  });

  it('fails fast when Retry-After exceeds maxRetryAfterMs', async () => {
    const { client, transport } = setup([{ status: 429, headers: { 'retry-after': '3600' } }], {
      retry: { ...noJitter, maxRetryAfterMs: 60_000 },
    });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e) => e)) as RateLimitError;
    expect(transport.sent).toHaveLength(1);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain('asked to wait 3600000 ms, more than retry.maxRetryAfterMs (60000 ms)');
  });

  it('does not retry non-retryable categories', async () => {
    const { client, transport } = setup([{ status: 400, json: { message: 'email is invalid' } }], {
      retry: noJitter,
    });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e) => e)) as HttpError;
    expect(transport.sent).toHaveLength(1);
    expect(error.category).toBe('validation');
    expect(error.message).toBe(
      'example GET https://api.example.test/x failed with HTTP 400: email is invalid',
    );
    expect(error.notRetriedReason).toBeUndefined();
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const { client, transport } = setup([{ status: 503 }], { retry: { ...noJitter, initialDelayMs: 5000 } });
    const controller = new AbortController();
    const call = client.request({ method: 'GET', path: '/x', signal: controller.signal }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error('user cancelled'));
    const error = (await call) as AbortError;
    expect(AbortError.isInstance(error)).toBe(true);
    expect(error.category).toBe('aborted');
    expect((error.cause as Error).message).toBe('user cancelled');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.sent).toHaveLength(1);
  });

  it('rejects before sending when the signal is already aborted', async () => {
    const { client, transport } = setup([{ status: 200, json: {} }]);
    const error = await client
      .request({ method: 'GET', path: '/x', signal: AbortSignal.abort() })
      .catch((e) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(transport.sent).toHaveLength(0);
  });

  it('wraps a transport failure in a NetworkError with the cause', async () => {
    const { client } = setup([{ networkError: 'socket hang up', code: 'ECONNRESET' }], {
      retry: { maxRetries: 0 },
    });
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e) => e)) as NetworkError;
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error.code).toBe('ECONNRESET');
    expect((error.cause as Error).message).toBe('fetch failed');
  });
});

describe('request options', () => {
  it('rejects conflicting bodies and bad paths before sending', async () => {
    const { client, transport } = setup([{ status: 200, json: {} }]);
    await expect(client.request({ method: 'POST', path: '/x', json: {}, form: 'a=1' })).rejects.toThrow(
      'Pass only one of json, form and body.',
    );
    await expect(client.request({ method: 'GET', path: 'x' })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(client.request({ method: 'GET', path: 'https://evil.test/x' })).rejects.toThrow(
      "is not on the client's origin https://api.example.test",
    );
    expect(transport.sent).toHaveLength(0);
  });

  it('encodes query records in order and keeps pre-encoded strings', async () => {
    const { client, transport } = setup([{ status: 200, json: {} }]);
    await client.request({
      method: 'GET',
      path: '/x',
      query: { b: 'two words', a: [1, 2], skip: undefined, c: true },
    });
    await client.request({ method: 'GET', path: '/x', query: 'expand[]=a&expand[]=b' });
    expect(transport.sent[0]?.url).toBe('https://api.example.test/x?b=two%20words&a=1&a=2&c=true');
    expect(transport.sent[1]?.url).toBe('https://api.example.test/x?expand[]=a&expand[]=b');
  });

  it('rejects an invalid baseUrl with the value', () => {
    expect(() => createClient({ service: 'x', baseUrl: 'api.example.test' })).toThrow(
      'baseUrl must be an absolute http(s) URL; received "api.example.test".',
    );
  });
});
