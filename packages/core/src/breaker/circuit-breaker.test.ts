import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlerTransport } from '../../test/handler-transport.js';
import { CircuitOpenError, ConfigurationError } from '../errors/request-errors.js';
import { createClient } from '../pipeline/client.js';
import type { BreakerStateEvent } from '../pipeline/client-events.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(breaker: CircuitBreakerOptions, statuses: () => number) {
  const { transport, requests } = handlerTransport(() => ({ status: statuses(), json: {} }));
  const client = createClient({
    service: 'svc',
    baseUrl: 'https://api.example.test',
    transport,
    breaker,
    retry: { maxRetries: 0 },
  });
  const states: BreakerStateEvent[] = [];
  client.events.on('breaker-state', (event) => states.push(event));
  const call = () =>
    client.request({ method: 'GET', path: '/x' }).then(
      () => 'ok',
      (error: unknown) => (CircuitOpenError.isInstance(error) ? 'open' : 'failed'),
    );
  return { client, requests, states, call };
}

describe('circuit breaker', () => {
  it('opens after consecutive failures and fails fast without sending', async () => {
    const { requests, states, call } = setup({ failureThreshold: 3, openMs: 10_000 }, () => 503);
    expect([await call(), await call(), await call()]).toEqual(['failed', 'failed', 'failed']);
    expect(await call()).toBe('open');
    expect(requests).toHaveLength(3);
    expect(states).toEqual([
      { service: 'svc', from: 'closed', to: 'open', reason: '3 consecutive failures' },
    ]);
  });

  it('says when the breaker lets a probe through', async () => {
    const { client, call } = setup({ failureThreshold: 1, openMs: 10_000 }, () => 503);
    await call();
    await vi.advanceTimersByTimeAsync(4000);
    const error = (await client.request({ method: 'GET', path: '/x' }).catch((e) => e)) as CircuitOpenError;
    expect(error.retryAfterMs).toBe(6000);
    expect(error.message).toBe(
      'The svc circuit breaker is open after repeated failures, so the request was not sent; it lets a probe through in 6000 ms.',
    );
  });

  it('admits one probe when half-open and closes on its success', async () => {
    let status = 503;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { transport, requests } = handlerTransport(() => ({ status, json: {} }));
    const slow = {
      name: 'gated',
      async send(request: Parameters<typeof transport.send>[0]) {
        if (status === 200) await gate;
        return transport.send(request);
      },
    };
    const client = createClient({
      service: 'svc',
      baseUrl: 'https://api.example.test',
      transport: slow,
      breaker: { failureThreshold: 1, openMs: 1000 },
      retry: { maxRetries: 0 },
    });
    const states: string[] = [];
    client.events.on('breaker-state', (event) => states.push(`${event.from}->${event.to}`));
    await client.request({ method: 'GET', path: '/x' }).catch(() => {});
    await vi.advanceTimersByTimeAsync(1000);
    status = 200;

    const probe = client.request({ method: 'GET', path: '/probe' });
    const others = await Promise.all(
      [1, 2, 3].map(() => client.request({ method: 'GET', path: '/x' }).catch((e) => e)),
    );
    expect(others.every((error) => CircuitOpenError.isInstance(error))).toBe(true);
    release();
    await expect(probe).resolves.toMatchObject({ status: 200 });
    await expect(client.request({ method: 'GET', path: '/after' })).resolves.toMatchObject({ status: 200 });
    expect(states).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
    expect(requests.map((request) => request.url.pathname)).toEqual(['/x', '/probe', '/after']);
  });

  it('reopens when the probe fails', async () => {
    const { states, call } = setup({ failureThreshold: 1, openMs: 1000 }, () => 500);
    await call();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await call()).toBe('failed');
    expect(await call()).toBe('open');
    expect(states.map((event) => event.to)).toEqual(['open', 'half-open', 'open']);
  });

  it('opens on the failure ratio in ratio mode', async () => {
    let count = 0;
    const { states, call } = setup(
      { mode: 'ratio', failureRatio: 0.5, minimumAttempts: 4, windowMs: 10_000 },
      () => {
        count += 1;
        return count % 2 === 0 ? 500 : 200;
      },
    );
    const results = [await call(), await call(), await call(), await call(), await call()];
    expect(results).toEqual(['ok', 'failed', 'ok', 'failed', 'open']);
    expect(states[0]?.reason).toBe('2 of 4 attempts failed in 10000 ms');
  });

  it('does not count client errors or throttling as failures', async () => {
    const statuses = [404, 400, 429, 404, 400];
    const { call, states } = setup({ failureThreshold: 2 }, () => statuses.shift() ?? 200);
    for (let index = 0; index < 5; index += 1) await call();
    expect(states).toEqual([]);
  });

  it('rejects invalid options', () => {
    expect(() => new CircuitBreaker({ halfOpenProbes: 0 })).toThrow(ConfigurationError);
    expect(() => new CircuitBreaker({ failureRatio: 1.5 })).toThrow(
      'breaker.failureRatio must be in (0, 1]; received 1.5.',
    );
  });
});
