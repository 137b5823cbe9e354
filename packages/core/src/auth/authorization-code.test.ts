import { describe, expect, it } from 'vitest';
import { handlerTransport } from '../../test/handler-transport.js';
import { ConfigurationError, TokenRefreshError } from '../errors/request-errors.js';
import { buildAuthorizeUrl, exchangeAuthorizationCode } from './authorization-code.js';

describe('authorization-code helpers', () => {
  it('builds the authorize URL with state and scopes', async () => {
    const result = await buildAuthorizeUrl({
      authorizeUrl: 'https://app.example.test/oauth/authorize',
      clientId: 'client-1',
      redirectUri: 'https://myapp.test/callback',
      scopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write'],
      state: 'state-123',
    });
    const url = new URL(result.url);
    expect(url.origin + url.pathname).toBe('https://app.example.test/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: 'https://myapp.test/callback',
      scope: 'crm.objects.contacts.read crm.objects.contacts.write',
      response_type: 'code',
      state: 'state-123',
    });
    expect(result.state).toBe('state-123');
  });

  it('generates a random state and a PKCE challenge', async () => {
    const result = await buildAuthorizeUrl({
      authorizeUrl: 'https://app.example.test/oauth/authorize',
      clientId: 'c',
      redirectUri: 'https://myapp.test/cb',
      scopes: ['a'],
      pkce: true,
    });
    const url = new URL(result.url);
    expect(result.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(result.codeVerifier));
    const expected = Buffer.from(digest).toString('base64url');
    expect(url.searchParams.get('code_challenge')).toBe(expected);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('exchanges a code for tokens', async () => {
    const { transport, requests } = handlerTransport(() => ({
      status: 200,
      json: { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 60 },
    }));
    const token = await exchangeAuthorizationCode({
      tokenUrl: 'https://api.example.test/oauth/token',
      clientId: 'c1',
      clientSecret: 's1',
      code: 'code-1',
      redirectUri: 'https://myapp.test/cb',
      codeVerifier: 'verifier-1',
      transport,
    });
    expect(token.accessToken).toBe('at-1');
    expect(token.refreshToken).toBe('rt-1');
    expect(Object.fromEntries(new URLSearchParams(requests[0]!.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://myapp.test/cb',
      code_verifier: 'verifier-1',
      client_id: 'c1',
      client_secret: 's1',
    });
  });

  it('rejects a callback whose state does not match', async () => {
    const { transport, requests } = handlerTransport(() => ({ status: 200, json: { access_token: 'x' } }));
    const attempt = exchangeAuthorizationCode({
      tokenUrl: 'https://api.example.test/oauth/token',
      clientId: 'c1',
      clientSecret: 's1',
      code: 'code-1',
      redirectUri: 'https://myapp.test/cb',
      expectedState: 'abc',
      receivedState: 'abd',
      transport,
    });
    await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
    expect(requests).toHaveLength(0);
  });

  it('reports a rejected code with the endpoint error code', async () => {
    const { transport } = handlerTransport(() => ({
      status: 400,
      json: { error: 'invalid_grant', error_description: 'code expired' },
    }));
    const error = await exchangeAuthorizationCode({
      tokenUrl: 'https://api.example.test/oauth/token',
      clientId: 'c1',
      clientSecret: 'secret-s1',
      code: 'code-1',
      redirectUri: 'https://myapp.test/cb',
      transport,
    }).catch((caught: unknown) => caught);
    expect(TokenRefreshError.isInstance(error)).toBe(true);
    expect((error as TokenRefreshError).code).toBe('invalid_grant');
    expect((error as TokenRefreshError).message).toContain('invalid_grant: code expired');
  });
});
