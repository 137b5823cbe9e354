import { exchangeAuthorizationCode, type StoredToken, type Transport } from '@patchbay/core';

// OAuth endpoints: https://developers.hubspot.com/docs/guides/apps/authentication/working-with-oauth
/** HubSpot's consent page. */
export const hubSpotAuthorizeUrl = 'https://app.hubspot.com/oauth/authorize';

/** HubSpot's token endpoint path, below the API base URL. */
export const hubSpotTokenPath = '/oauth/v1/token';

/** The API base URL. */
export const hubSpotBaseUrl = 'https://api.hubapi.com';

export interface HubSpotOAuthAppOptions {
  clientId: string;
  clientSecret: string;
  /**
   * API origin that serves the token endpoint.
   * @default 'https://api.hubapi.com'
   */
  baseUrl?: string;
  /** @default the platform's default transport */
  transport?: Transport;
  /**
   * Consent page.
   * @default 'https://app.hubspot.com/oauth/authorize'
   */
  authorizeUrl?: string;
}

/** The authorization-code half of HubSpot OAuth: the consent URL and the code exchange. */
export interface HubSpotOAuthApp {
  /**
   * The consent-page URL. `scopes` must all be granted; `optionalScopes` are asked for but may be
   * declined. Keep `state` in the user's session and compare it on the callback.
   */
  authorizeUrl(
    scopes: readonly string[],
    redirectUri: string,
    state: string,
    optionalScopes?: readonly string[],
  ): string;
  /** Exchanges the callback's `code` for tokens; pass `refreshToken` to `createHubSpotClient({ oauth })`. */
  exchangeCode(code: string, redirectUri: string, signal?: AbortSignal): Promise<StoredToken>;
  /** The token endpoint URL. */
  readonly tokenUrl: string;
}

/** Creates the consent URL and code exchange helpers of a HubSpot public app. */
export function hubSpotOAuth(options: HubSpotOAuthAppOptions): HubSpotOAuthApp {
  const tokenUrl = `${(options.baseUrl ?? hubSpotBaseUrl).replace(/\/+$/, '')}${hubSpotTokenPath}`;
  return {
    tokenUrl,
    authorizeUrl(scopes, redirectUri, state, optionalScopes = []) {
      const url = new URL(options.authorizeUrl ?? hubSpotAuthorizeUrl);
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', scopes.join(' '));
      if (optionalScopes.length > 0) url.searchParams.set('optional_scope', optionalScopes.join(' '));
      url.searchParams.set('state', state);
      return url.href;
    },
    exchangeCode(code, redirectUri, signal) {
      return exchangeAuthorizationCode({
        tokenUrl,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        code,
        redirectUri,
        transport: options.transport,
        service: 'hubspot',
        signal,
      });
    },
  };
}
