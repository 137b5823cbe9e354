import { describe, expect, it } from 'vitest';
import { handlerTransport } from '../../test/handler-transport.js';
import { ConfigurationError } from '../errors/request-errors.js';
import { createClient } from '../pipeline/client.js';
import type { AuthProvider } from './auth-provider.js';
import { apiKeyAuth, basicAuth, bearerAuth } from './static-auth.js';

async function sentWith(auth: AuthProvider) {
  const { transport, requests } = handlerTransport(() => ({ status: 200, json: {} }));
  const client = createClient({ service: 'example', baseUrl: 'https://api.example.test', transport, auth });
  await client.request({ method: 'GET', path: '/v1/x', query: { page: 2 } });
  return requests[0]!;
}

describe('static auth providers', () => {
  it('sends an API key in a header', async () => {
    const request = await sentWith(apiKeyAuth({ key: 'key_123456', name: 'X-Api-Key' }));
    expect(request.headers['x-api-key']).toBe('key_123456');
  });

  it('sends an API key in the query after existing parameters', async () => {
    const request = await sentWith(apiKeyAuth({ key: 'key 12&3', in: 'query', name: 'api_key' }));
    expect(request.url.search).toBe('?page=2&api_key=key%2012%263');
  });

  it('sends a static bearer token', async () => {
    const request = await sentWith(bearerAuth('tok_abcdef'));
    expect(request.headers.authorization).toBe('Bearer tok_abcdef');
  });

  it('asks a bearer function on every attempt', async () => {
    let calls = 0;
    const request = await sentWith(bearerAuth({ token: async () => `tok_${++calls}xyz` }));
    expect(request.headers.authorization).toBe('Bearer tok_1xyz');
  });

  it('encodes basic credentials as UTF-8', async () => {
    const request = await sentWith(basicAuth({ username: 'zoë', password: 'pässwörd' }));
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('zoë:pässwörd', 'utf8').toString('base64')}`,
    );
  });

  it.each([
    [() => apiKeyAuth({ key: '' }), 'auth.key is missing or empty'],
    [() => apiKeyAuth({ key: 'sk_live_x\n' }), 'auth.key has leading or trailing whitespace'],
    [() => bearerAuth(' tok'), 'auth.token has leading or trailing whitespace'],
    [() => basicAuth({ username: 'a:b', password: 'secret' }), 'auth.username must not contain ":"'],
    [() => apiKeyAuth({ key: 'abc', in: 'cookie' as never }), "auth.in must be 'header' or 'query'"],
  ])('rejects bad configuration %#', (create, message) => {
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(message);
  });

  it('gives the same identity for the same token and different ones otherwise', () => {
    expect(bearerAuth('tok_a').identity()).toBe(bearerAuth('tok_a').identity());
    expect(bearerAuth('tok_a').identity()).not.toBe(bearerAuth('tok_b').identity());
    expect(bearerAuth({ token: async () => 'x', identity: 'acct-1' }).identity()).toBe('acct-1');
  });
});
