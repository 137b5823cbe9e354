import {
  buildAuthorizeUrl,
  createClient,
  exchangeAuthorizationCode,
  oauth2RefreshAuth,
} from '@patchbay/core';

const tokenUrl = 'https://auth.crm.example/oauth/token';
const clientId = process.env.CRM_CLIENT_ID ?? '';
const clientSecret = process.env.CRM_CLIENT_SECRET ?? '';

// 1. Send the user to the consent page; keep `state` (and `codeVerifier`) in their session.
export async function startLogin() {
  return buildAuthorizeUrl({
    authorizeUrl: 'https://auth.crm.example/oauth/authorize',
    clientId,
    redirectUri: 'https://myapp.example/oauth/callback',
    scopes: ['contacts.read', 'contacts.write'],
    pkce: true,
  });
}

// 2. On the callback, exchange the code; the state check rejects forged callbacks.
export async function finishLogin(
  code: string,
  receivedState: string,
  session: { state: string; codeVerifier: string },
) {
  return exchangeAuthorizationCode({
    tokenUrl,
    clientId,
    clientSecret,
    code,
    redirectUri: 'https://myapp.example/oauth/callback',
    codeVerifier: session.codeVerifier,
    expectedState: session.state,
    receivedState,
  });
}

// 3. Use the refresh token; the client refreshes ahead of expiry and once after a 401.
export function clientFor(refreshToken: string) {
  return createClient({
    service: 'crm',
    baseUrl: 'https://api.crm.example',
    auth: oauth2RefreshAuth({ tokenUrl, clientId, clientSecret, refreshToken, refreshSkewMs: 60_000 }),
  });
}
