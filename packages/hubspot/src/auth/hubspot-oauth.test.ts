import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';
import { hubSpotOAuth } from './hubspot-oauth.js';
import { requiredScopes, scopesFor } from './required-scopes.js';

const credentials = { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' };

describe('hubSpotOAuth', () => {
  it('builds the consent URL', () => {
    const app = hubSpotOAuth(credentials);
    const url = new URL(
      app.authorizeUrl(
        ['crm.objects.contacts.read', 'crm.objects.deals.write'],
        'https://app.example/callback',
        'st-1',
        ['sales-email-read'],
      ),
    );
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('fake-client-id');
    expect(url.searchParams.get('scope')).toBe('crm.objects.contacts.read crm.objects.deals.write');
    expect(url.searchParams.get('optional_scope')).toBe('sales-email-read');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example/callback');
    expect(url.searchParams.get('state')).toBe('st-1');
  });

  it('uses the token endpoint https://api.hubapi.com/oauth/v1/token', () => {
    expect(hubSpotOAuth(credentials).tokenUrl).toBe('https://api.hubapi.com/oauth/v1/token');
  });

  it('exchanges a code for tokens', async () => {
    const fake = createFakeHubSpot();
    const app = hubSpotOAuth({ ...credentials, transport: fake.transport });
    const tokens = await app.exchangeCode(
      fake.oauth.createAuthorizationCode(),
      'https://app.example/callback',
    );
    expect(tokens.accessToken).toMatch(/^access-/);
    expect(tokens.refreshToken).toMatch(/^refresh-/);
    expect(fake.oauth.tokenRequests[0]).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: 'https://app.example/callback',
    });
    expect(fake.state.requests[0]?.path).toBe('/oauth/v1/token');
  });
});

describe('OAuth client', () => {
  it('refreshes once after a 401 and replays the request', async () => {
    const fake = createFakeHubSpot({ refreshTokens: ['refresh-start'] });
    const contact = fake.seed('contacts', { email: 'a@x.com' });
    const hubspot = createHubSpotClient({
      oauth: { ...credentials, refreshToken: 'refresh-start' },
      transport: fake.transport,
    });
    const refreshed: string[] = [];
    hubspot.events.on('token-refreshed', (event) => refreshed.push(event.trigger));

    await hubspot.contacts.get(contact.id);
    fake.oauth.expireAccessTokens();
    const again = await hubspot.contacts.get(contact.id);

    expect(again.id).toBe(contact.id);
    expect(refreshed).toEqual(['expiry', 'unauthorized']);
    expect(
      fake.state.requests.map(
        (request) => `${request.path === '/oauth/v1/token' ? 'token' : 'get'} ${request.status}`,
      ),
    ).toEqual(['token 200', 'get 200', 'get 401', 'token 200', 'get 200']);
  });

  it('rejects both an access token and OAuth', () => {
    expect(() =>
      createHubSpotClient({ accessToken: 'pat', oauth: { ...credentials, refreshToken: 'r' } }),
    ).toThrow('Pass accessToken (private app) or oauth (public app), not both.');
    expect(() => createHubSpotClient({})).toThrow(/HubSpot needs credentials/);
  });
});

describe('scopesFor', () => {
  it('merges the scopes of several operations', () => {
    expect(scopesFor(['contacts.read', 'deals.moveToStage'])).toEqual([
      'crm.objects.contacts.read',
      'crm.objects.deals.read',
      'crm.objects.deals.write',
    ]);
    expect(requiredScopes['deals.lineItems']).toContain('crm.objects.line_items.read');
  });
});
