import { MemoryTokenStore } from '@patchbay/core';
import { createHubSpotClient, hubSpotOAuth, scopesFor } from '@patchbay/hubspot';

const credentials = {
  clientId: process.env.HUBSPOT_CLIENT_ID ?? '',
  clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? '',
};
const app = hubSpotOAuth(credentials);
const redirectUri = 'https://app.example.com/hubspot/callback';

// 1. Send the installing user to HubSpot's consent page with the scopes your operations need.
export function installUrl(state: string): string {
  const scopes = scopesFor([
    'contacts.write',
    'contacts.history',
    'deals.upsertForContact',
    'deals.moveToStage',
  ]);
  return app.authorizeUrl(scopes, redirectUri, state);
}

// 2. On the callback, exchange the code and keep the refresh token per HubSpot account.
export async function finishInstall(code: string): Promise<string | undefined> {
  const tokens = await app.exchangeCode(code, redirectUri);
  return tokens.refreshToken;
}

// 3. One client per account; the access token (30 minutes) is refreshed ahead of expiry and
// once after a 401 EXPIRED_AUTHENTICATION.
const tokenStore = new MemoryTokenStore();
export function clientFor(portalId: string, refreshToken: string) {
  return createHubSpotClient({
    oauth: { ...credentials, refreshToken, storeKey: `hubspot:${portalId}` },
    tokenStore,
  });
}
