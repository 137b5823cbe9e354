import { ConfigurationError } from '../errors/request-errors.js';
import type { AuthContext, AuthProvider } from './auth-provider.js';
import { requireCredential } from './static-auth.js';
import { requestToken } from './token-endpoint.js';
import { MemoryTokenStore, type StoredToken, type TokenStore } from './token-store.js';

export interface OAuth2RefreshOptions {
  /** The token endpoint, such as `https://api.hubapi.com/oauth/v1/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The refresh token from the authorization-code exchange; may instead already be in `store`. */
  refreshToken?: string;
  /** A current access token, if one is at hand. */
  accessToken?: string;
  /** Expiry of `accessToken`, in epoch milliseconds. */
  expiresAtMs?: number;
  /**
   * Where tokens are kept between refreshes; rotated refresh tokens are written here.
   * @default new MemoryTokenStore()
   */
  store?: TokenStore;
  /**
   * Key in `store`, so several accounts can share one store.
   * @default `oauth2:<clientId>`
   */
  storeKey?: string;
  /**
   * Refresh this long before the access token expires, in milliseconds.
   * @default 60000
   */
  refreshSkewMs?: number;
  /**
   * How the client authenticates at the token endpoint.
   * @default 'body'
   */
  clientAuthentication?: 'body' | 'basic';
  /**
   * Budget of one token request, in milliseconds.
   * @default 30000
   */
  tokenRequestTimeoutMs?: number;
  /**
   * How long a cross-process refresh lock is held at most, in milliseconds.
   * @default 30000
   */
  lockTtlMs?: number;
}

type Trigger = 'expiry' | 'unauthorized';

function isUsable(token: StoredToken | undefined, skewMs: number, nowMs: number): boolean {
  if (!token?.accessToken) return false;
  return token.expiresAtMs === undefined || token.expiresAtMs - skewMs > nowMs;
}

/**
 * OAuth 2.0 refresh-token authentication. It refreshes ahead of expiry, and on a 401 refreshes
 * once and asks the pipeline to replay once. Concurrent refreshes share one token request; with a
 * store that has `lock`, so do refreshes in other processes. A failed refresh rejects every
 * request waiting for it with a TokenRefreshError.
 */
export class OAuth2RefreshAuth implements AuthProvider {
  readonly type = 'oauth2';
  readonly #options: OAuth2RefreshOptions;
  readonly #store: TokenStore;
  readonly #storeKey: string;
  readonly #skewMs: number;
  #current: StoredToken | undefined;
  #seeded: Promise<void> | undefined;
  #refreshing: Promise<StoredToken> | undefined;

  constructor(options: OAuth2RefreshOptions) {
    requireCredential(options?.tokenUrl, 'auth.tokenUrl', 'pass the OAuth token endpoint URL.');
    requireCredential(options.clientId, 'auth.clientId', "pass the app's client id.");
    requireCredential(options.clientSecret, 'auth.clientSecret', "pass the app's client secret.");
    if (!options.refreshToken && !options.accessToken && !options.store) {
      throw new ConfigurationError(
        'OAuth needs a refreshToken, an accessToken or a store that already holds tokens; run the authorization-code flow first.',
        { option: 'auth.refreshToken' },
      );
    }
    const skewMs = options.refreshSkewMs ?? 60_000;
    if (!Number.isSafeInteger(skewMs) || skewMs < 0) {
      throw new ConfigurationError(
        `auth.refreshSkewMs must be a whole number >= 0; received ${String(skewMs)}.`,
        {
          option: 'auth.refreshSkewMs',
        },
      );
    }
    this.#options = options;
    this.#skewMs = skewMs;
    this.#store = options.store ?? new MemoryTokenStore();
    this.#storeKey = options.storeKey ?? `oauth2:${options.clientId}`;
  }

  identity(): string {
    return this.#storeKey;
  }

  /** Writes the configured tokens into the store once, unless it already holds tokens. */
  #seed(): Promise<void> {
    this.#seeded ??= (async () => {
      const stored = await this.#store.get(this.#storeKey);
      if (stored) return;
      const { accessToken, refreshToken, expiresAtMs } = this.#options;
      if (accessToken || refreshToken) {
        await this.#store.set(this.#storeKey, { accessToken: accessToken ?? '', refreshToken, expiresAtMs });
      }
    })();
    return this.#seeded;
  }

  async apply(target: { headers: Record<string, string> }, context: AuthContext): Promise<string> {
    await this.#seed();
    let token = this.#current;
    if (!isUsable(token, this.#skewMs, Date.now())) {
      const stored = await this.#store.get(this.#storeKey);
      token = isUsable(stored, this.#skewMs, Date.now())
        ? (stored as StoredToken)
        : await this.#refresh('expiry', stored?.accessToken, context);
      this.#current = token;
    }
    const accessToken = (token as StoredToken).accessToken;
    context.redactor.addSecret(accessToken);
    target.headers.authorization = `Bearer ${accessToken}`;
    return accessToken;
  }

  async handleUnauthorized(credentialUsed: string | undefined, context: AuthContext): Promise<boolean> {
    // Another request (or process) may have refreshed already: replay with that token.
    if (
      this.#current &&
      this.#current.accessToken !== credentialUsed &&
      isUsable(this.#current, 0, Date.now())
    )
      return true;
    const stored = await this.#store.get(this.#storeKey);
    if (stored?.accessToken && stored.accessToken !== credentialUsed && isUsable(stored, 0, Date.now())) {
      this.#current = stored;
      return true;
    }
    this.#current = await this.#refresh('unauthorized', credentialUsed, context);
    return true;
  }

  /** Single-flight refresh; each waiter still honours its own abort signal. */
  #refresh(trigger: Trigger, staleToken: string | undefined, context: AuthContext): Promise<StoredToken> {
    this.#refreshing ??= this.#runRefresh(trigger, staleToken, context).finally(() => {
      this.#refreshing = undefined;
    });
    const shared = this.#refreshing;
    const signal = context.signal;
    if (!signal) return shared;
    return new Promise<StoredToken>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #runRefresh(
    trigger: Trigger,
    staleToken: string | undefined,
    context: AuthContext,
  ): Promise<StoredToken> {
    const timeout = AbortSignal.timeout(this.#options.tokenRequestTimeoutMs ?? 30_000);
    const lock = await this.#store.lock?.(this.#storeKey, this.#options.lockTtlMs ?? 30_000, timeout);
    try {
      // Fencing check: after taking the lock, use a token another process stored meanwhile.
      const stored = await this.#store.get(this.#storeKey);
      if (
        stored?.accessToken &&
        stored.accessToken !== staleToken &&
        isUsable(stored, this.#skewMs, Date.now())
      ) {
        return stored;
      }
      const refreshToken = stored?.refreshToken ?? this.#options.refreshToken;
      if (!refreshToken) {
        throw new ConfigurationError(
          'The access token needs a refresh, but there is no refresh token in the store or options.',
          {
            option: 'auth.refreshToken',
            service: context.service,
          },
        );
      }

      const token = await requestToken({
        service: context.service,
        tokenUrl: this.#options.tokenUrl,
        clientId: this.#options.clientId,
        clientSecret: this.#options.clientSecret,
        clientAuthentication: this.#options.clientAuthentication ?? 'body',
        params: { grant_type: 'refresh_token', refresh_token: refreshToken },
        transport: context.transport,
        redactor: context.redactor,
        signal: timeout,
        nowMs: Date.now(),
      });
      const next: StoredToken = { ...token, refreshToken: token.refreshToken ?? refreshToken };
      await this.#store.set(this.#storeKey, next);

      context.events.emit('token-refreshed', {
        service: context.service,
        expiresAtMs: next.expiresAtMs,
        refreshTokenRotated: token.refreshToken !== undefined && token.refreshToken !== refreshToken,
        trigger,
      });
      context.logger.info(
        { service: context.service, trigger },
        `Refreshed the ${context.service} OAuth access token.`,
      );
      return next;
    } finally {
      await lock?.release();
    }
  }
}

/** Creates an {@link OAuth2RefreshAuth} provider. */
export function oauth2RefreshAuth(options: OAuth2RefreshOptions): OAuth2RefreshAuth {
  return new OAuth2RefreshAuth(options);
}
