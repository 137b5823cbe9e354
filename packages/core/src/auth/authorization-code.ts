import { ConfigurationError } from '../errors/request-errors.js';
import { Redactor } from '../observability/redactor.js';
import { createDefaultTransport } from '../transport/default-transport.js';
import type { Transport } from '../transport/transport.js';
import { requireCredential } from './static-auth.js';
import { requestToken } from './token-endpoint.js';
import type { StoredToken } from './token-store.js';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(byteLength: number): string {
  return base64Url(globalThis.crypto.getRandomValues(new Uint8Array(byteLength)));
}

export interface AuthorizeUrlOptions {
  /** The provider's authorization page, such as `https://app.hubspot.com/oauth/authorize`. */
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  /**
   * Separator between scopes; RFC 6749 uses a space.
   * @default ' '
   */
  scopeSeparator?: string;
  /** Anti-CSRF state; a random 32-byte value when omitted. Store it and compare on callback. */
  state?: string;
  /** Adds a PKCE S256 challenge (RFC 7636); keep the returned `codeVerifier` for the exchange. */
  pkce?: boolean;
  /** Extra query parameters the provider accepts, such as `optional_scope`. */
  extraParams?: Record<string, string>;
}

export interface AuthorizeUrl {
  url: string;
  state: string;
  /** Present when `pkce` was requested. */
  codeVerifier?: string;
}

/** Builds the URL that sends a user to the provider's consent page. */
export async function buildAuthorizeUrl(options: AuthorizeUrlOptions): Promise<AuthorizeUrl> {
  requireCredential(options?.clientId, 'clientId', "pass the app's client id.");
  requireCredential(options.redirectUri, 'redirectUri', 'pass the redirect URI registered with the app.');
  if (!Array.isArray(options.scopes) || options.scopes.length === 0) {
    throw new ConfigurationError('scopes must list at least one scope.', { option: 'scopes' });
  }
  const url = new URL(options.authorizeUrl);
  const state = options.state ?? randomToken(32);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', options.scopes.join(options.scopeSeparator ?? ' '));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);

  let codeVerifier: string | undefined;
  if (options.pkce) {
    codeVerifier = randomToken(32);
    const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
    url.searchParams.set('code_challenge', base64Url(new Uint8Array(digest)));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [name, value] of Object.entries(options.extraParams ?? {})) url.searchParams.set(name, value);
  return codeVerifier ? { url: url.href, state, codeVerifier } : { url: url.href, state };
}

export interface ExchangeCodeOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  /** The PKCE verifier from {@link buildAuthorizeUrl}. */
  codeVerifier?: string;
  /** The `state` you stored and the one the callback received; a mismatch is rejected. */
  expectedState?: string;
  receivedState?: string;
  /** @default 'body' */
  clientAuthentication?: 'body' | 'basic';
  /** @default the platform's default transport */
  transport?: Transport;
  /** Used in error messages. @default 'oauth2' */
  service?: string;
  signal?: AbortSignal;
}

/** Exchanges an authorization code for tokens (RFC 6749 section 4.1.3). */
export async function exchangeAuthorizationCode(options: ExchangeCodeOptions): Promise<StoredToken> {
  requireCredential(options?.code, 'code', 'pass the code from the callback query.');
  if (options.expectedState !== undefined || options.receivedState !== undefined) {
    if (!options.expectedState || options.expectedState !== options.receivedState) {
      throw new ConfigurationError(
        'The callback state does not match the state stored when the user was sent to the consent page; reject the callback.',
        { option: 'receivedState' },
      );
    }
  }
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
  };
  if (options.codeVerifier) params.code_verifier = options.codeVerifier;

  return requestToken({
    service: options.service ?? 'oauth2',
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuthentication: options.clientAuthentication ?? 'body',
    params,
    transport: options.transport ?? createDefaultTransport(),
    redactor: new Redactor(),
    signal: options.signal ?? AbortSignal.timeout(30_000),
    nowMs: Date.now(),
  });
}
