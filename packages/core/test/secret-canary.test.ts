import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthProvider } from '../src/auth/auth-provider.js';
import { oauth2RefreshAuth } from '../src/auth/oauth2-auth.js';
import { apiKeyAuth, basicAuth, bearerAuth } from '../src/auth/static-auth.js';
import type { Logger } from '../src/observability/logger.js';
import { createClient } from '../src/pipeline/client.js';
import type { ClientEvents } from '../src/pipeline/client-events.js';
import type { RequestOptions } from '../src/pipeline/request-options.js';
import type { Transport, TransportResponse } from '../src/transport/transport.js';

const canary = 'sk_test_CANARY_7f3e9a1c5b';

/** A server that echoes every credential it receives back in headers, bodies and errors. */
function echoingTransport(mode: string): Transport {
  return {
    name: 'echo',
    async send(request): Promise<TransportResponse> {
      const echoed = JSON.stringify({
        url: request.url,
        headers: request.headers,
        body: String(request.body ?? ''),
      });
      const reply = (
        status: number,
        text: string,
        headers: Record<string, string> = {},
      ): TransportResponse => ({
        status,
        headers: {
          'x-echo-url': request.url,
          'x-echo-auth': request.headers.authorization ?? '',
          ...headers,
        },
        text: async () => text,
        discard: async () => {},
      });
      if (request.url.includes('/token'))
        return reply(400, JSON.stringify({ error: 'invalid_grant', error_description: echoed }));
      switch (mode) {
        case 'http-400':
          return reply(
            400,
            JSON.stringify({
              message: `bad request: ${echoed}`,
              access_token: canary,
              nested: { apiKey: canary },
            }),
          );
        case 'http-500':
          return reply(500, `upstream failed: ${echoed}`);
        case 'rate-limit':
          return reply(429, JSON.stringify({ message: echoed }), { 'retry-after': '9999' });
        case 'conflict':
          return reply(409, JSON.stringify({ message: `exists: ${echoed}` }));
        case 'parse':
          return reply(200, `not json ${echoed}`);
        case 'network':
          throw Object.assign(
            new TypeError(`fetch failed for ${request.url} with ${request.headers.authorization}`),
            {
              cause: new Error(`connect ECONNREFUSED ${echoed}`),
            },
          );
        case 'hang':
          return new Promise((_resolve, reject) => {
            request.signal.addEventListener('abort', () => reject(new Error(`aborted ${echoed}`)));
          });
        default:
          return reply(401, JSON.stringify({ message: `unauthorized: ${echoed}` }));
      }
    },
  };
}

const providers: Array<[string, () => AuthProvider]> = [
  ['api key header', () => apiKeyAuth({ key: canary })],
  ['api key query', () => apiKeyAuth({ key: canary, in: 'query', name: 'api_key' })],
  ['bearer', () => bearerAuth(canary)],
  ['basic password', () => basicAuth({ username: 'user', password: canary })],
  [
    'oauth refresh token',
    () =>
      oauth2RefreshAuth({
        tokenUrl: 'https://api.example.test/token',
        clientId: 'c',
        clientSecret: canary,
        refreshToken: canary,
      }),
  ],
];

const errorModes: Array<[string, Partial<RequestOptions>]> = [
  ['http-400', {}],
  ['http-401', {}],
  ['http-500', {}],
  ['rate-limit', {}],
  ['conflict', {}],
  ['parse', {}],
  ['network', {}],
  ['hang', { timeout: { attemptMs: 50, totalMs: 120 } }],
  ['abort', { signal: AbortSignal.abort(new Error('stop')) }],
];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe.each(providers)('secret canary with %s', (_name, makeAuth) => {
  it.each(errorModes)('never exposes the secret on the %s path', async (mode, extra) => {
    const seen: string[] = [];
    const record = (value: unknown) =>
      seen.push(
        JSON.stringify(value, (_key, item) =>
          item instanceof Error ? { ...item, message: item.message, name: item.name } : item,
        ),
      );
    const logger: Logger = {
      debug: (fields, message) => record([fields, message]),
      info: (fields, message) => record([fields, message]),
      warn: (fields, message) => record([fields, message]),
      error: (fields, message) => record([fields, message]),
    };
    const client = createClient({
      service: 'canary',
      baseUrl: 'https://api.example.test',
      transport: echoingTransport(mode),
      auth: makeAuth(),
      logger,
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
      breaker: { failureThreshold: 1, openMs: 60_000 },
    });
    const names: Array<keyof ClientEvents> = [
      'request',
      'response',
      'retry',
      'error',
      'token-refreshed',
      'breaker-state',
    ];
    for (const name of names) client.events.on(name, (event) => record(event));

    const call = client.request({
      method: 'POST',
      path: '/v1/things',
      json: { note: 'hello' },
      idempotent: true,
      ...extra,
    });
    const settled = call.then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(500);
    const error = (await settled) as Error & { toJSON?: () => unknown };
    expect(error).toBeInstanceOf(Error);

    // A second call meets the open breaker, which is one more error path.
    const second = await client
      .request({ method: 'GET', path: '/v1/other' })
      .catch((caught: unknown) => caught);

    for (const failure of [error, second as Error]) {
      expect(failure.message).not.toContain(canary);
      expect(JSON.stringify(failure)).not.toContain(canary);
      expect(String(failure.stack)).not.toContain(canary);
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const line of seen) expect(line).not.toContain(canary);
  });
});
