import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HandledRequest, type HandlerReply, handlerTransport } from '../../test/handler-transport.js';
import { HttpError } from '../errors/http-error.js';
import { TokenRefreshError } from '../errors/request-errors.js';
import { createClient } from '../pipeline/client.js';
import type { TokenRefreshedEvent } from '../pipeline/client-events.js';
import { oauth2RefreshAuth } from './oauth2-auth.js';
import { MemoryTokenStore, type StoredToken } from './token-store.js';

const tokenUrl = 'https://api.example.test/oauth/v1/token';
const expired = {
  status: 'error',
  message: 'Authentication credentials not found.',
  category: 'EXPIRED_AUTHENTICATION',
  correlationId: 'c0ffee',
};

class CountingStore extends MemoryTokenStore {
  readonly writes: StoredToken[] = [];
  override async set(key: string, token: StoredToken): Promise<void> {
    this.writes.push({ ...token });
    await super.set(key, token);
  }
}

function setup(
  tokenReply: (request: HandledRequest) => HandlerReply,
  options: { expiresAtMs?: number } = {},
) {
  let validToken = 'new-access';
  const { transport, requests } = handlerTransport((request) => {
    if (request.url.href === tokenUrl) return tokenReply(request);
    const token = request.headers.authorization?.replace('Bearer ', '');
    return token === validToken ? { status: 200, json: { ok: token } } : { status: 401, json: expired };
  });
  const store = new CountingStore();
  const auth = oauth2RefreshAuth({
    tokenUrl,
    clientId: 'client-1',
    clientSecret: 'client-secret-value',
    accessToken: 'old-access',
    refreshToken: 'refresh-1',
    expiresAtMs: options.expiresAtMs,
    store,
  });
  const client = createClient({
    service: 'hubspot',
    baseUrl: 'https://api.example.test',
    transport,
    auth,
    retry: { jitter: 'none' },
  });
  const refreshed: TokenRefreshedEvent[] = [];
  client.events.on('token-refreshed', (event) => refreshed.push(event));
  return {
    client,
    requests,
    store,
    refreshed,
    tokenRequests: () => requests.filter((request) => request.url.href === tokenUrl),
    apiRequests: () => requests.filter((request) => request.url.href !== tokenUrl),
    setValidToken: (token: string) => {
      validToken = token;
    },
  };
}

const goodToken = (): HandlerReply => ({
  status: 200,
  delayMs: 100,
  json: { access_token: 'new-access', refresh_token: 'refresh-2', expires_in: 1800, token_type: 'bearer' },
});

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('OAuth refresh on 401', () => {
  it('refreshes once for five concurrent 401s and replays each once', async () => {
    const { client, tokenRequests, apiRequests, store, refreshed } = setup(goodToken);
    const calls = Array.from({ length: 5 }, (_, index) =>
      client.request({ method: 'GET', path: `/crm/v3/objects/contacts/${index}` }),
    );
    await vi.advanceTimersByTimeAsync(100);
    const responses = await Promise.all(calls);

    expect(responses.map((response) => response.data)).toEqual(Array(5).fill({ ok: 'new-access' }));
    expect(tokenRequests()).toHaveLength(1);
    expect(new URLSearchParams(tokenRequests()[0]?.body)).toEqual(
      new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1',
        client_id: 'client-1',
        client_secret: 'client-secret-value',
      }),
    );
    expect(store.writes.filter((token) => token.accessToken === 'new-access')).toEqual([
      {
        accessToken: 'new-access',
        refreshToken: 'refresh-2',
        expiresAtMs: 1_700_000_000_000 + 1_800_000,
        scope: undefined,
        tokenType: 'bearer',
      },
    ]);
    expect(apiRequests()).toHaveLength(10);
    expect(apiRequests().map((request) => request.headers.authorization)).toEqual([
      ...Array(5).fill('Bearer old-access'),
      ...Array(5).fill('Bearer new-access'),
    ]);
    expect(refreshed).toEqual([
      {
        service: 'hubspot',
        expiresAtMs: 1_700_001_800_000,
        refreshTokenRotated: true,
        trigger: 'unauthorized',
      },
    ]);
  });

  it('rejects every waiting request when the refresh fails', async () => {
    const { client, tokenRequests, apiRequests } = setup(() => ({
      status: 400,
      delayMs: 100,
      json: { error: 'invalid_grant', error_description: 'refresh token revoked' },
    }));
    const calls = Array.from({ length: 5 }, () =>
      client.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error),
    );
    await vi.advanceTimersByTimeAsync(100);
    const errors = await Promise.all(calls);

    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(5);
    for (const error of errors) {
      expect(TokenRefreshError.isInstance(error)).toBe(true);
      expect((error as TokenRefreshError).category).toBe('authentication');
      expect((error as TokenRefreshError).code).toBe('invalid_grant');
      expect((error as TokenRefreshError).message).toContain('run the authorization flow again');
    }
  });

  it('does not refresh again on a 401 after a refresh', async () => {
    const { client, tokenRequests, apiRequests, setValidToken } = setup(goodToken);
    setValidToken('never-valid');
    const call = client.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    const error = (await call) as HttpError;

    expect(HttpError.isInstance(error)).toBe(true);
    expect(error.status).toBe(401);
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(2);
  });

  it('refreshes before sending when the token expires within 60 s', async () => {
    const { client, tokenRequests, apiRequests, refreshed } = setup(goodToken, {
      expiresAtMs: 1_700_000_000_000 + 59_000,
    });
    const call = client.request({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(100);
    await expect(call).resolves.toMatchObject({ data: { ok: 'new-access' }, attempts: 1 });
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests().map((request) => request.headers.authorization)).toEqual(['Bearer new-access']);
    expect(refreshed[0]?.trigger).toBe('expiry');
  });

  it('keeps a token that expires in more than 60 s', async () => {
    const { client, tokenRequests, setValidToken } = setup(goodToken, {
      expiresAtMs: 1_700_000_000_000 + 61_000,
    });
    setValidToken('old-access');
    await expect(client.request({ method: 'GET', path: '/x' })).resolves.toMatchObject({
      data: { ok: 'old-access' },
    });
    expect(tokenRequests()).toHaveLength(0);
  });

  it('never refreshes because of the token request itself', async () => {
    const { client, tokenRequests } = setup(() => ({ status: 401, json: { error: 'invalid_client' } }));
    const error = await client.request({ method: 'GET', path: '/x' }).catch((caught: unknown) => caught);
    expect(TokenRefreshError.isInstance(error)).toBe(true);
    expect((error as TokenRefreshError).status).toBe(401);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('uses a token another process stored instead of refreshing', async () => {
    const { client, tokenRequests, store, setValidToken } = setup(goodToken);
    setValidToken('from-other-process');
    await store.set('oauth2:client-1', { accessToken: 'old-access', refreshToken: 'refresh-1' });
    const first = client.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error);
    // Another process refreshes while this one's first attempt is in flight.
    await store.set('oauth2:client-1', {
      accessToken: 'from-other-process',
      refreshToken: 'refresh-9',
      expiresAtMs: Date.now() + 3_600_000,
    });
    await vi.advanceTimersByTimeAsync(200);
    await expect(first).resolves.toMatchObject({ data: { ok: 'from-other-process' } });
    expect(tokenRequests()).toHaveLength(0);
  });
});
