/** An OAuth token set as stored between refreshes. */
export interface StoredToken {
  accessToken: string;
  /** The refresh token to use next; rotated by services that issue a new one per refresh. */
  refreshToken?: string | undefined;
  /** Epoch milliseconds when the access token expires, when the token endpoint said. */
  expiresAtMs?: number | undefined;
  scope?: string | undefined;
  tokenType?: string | undefined;
}

/** A held refresh lock. */
export interface TokenLock {
  release(): Promise<void>;
}

/**
 * Where tokens live between refreshes. `@patchbay/redis` implements it for many processes; the
 * default keeps them in memory. `set` is called exactly once per successful refresh.
 */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): Promise<void>;
  /**
   * Takes an exclusive refresh lock across processes, waiting until it is free. A holder that dies
   * must not block others beyond `ttlMs`. Optional: without it, refresh is single-flight per process.
   */
  lock?(key: string, ttlMs: number, signal: AbortSignal): Promise<TokenLock>;
}

/** Keeps tokens in this process. */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, StoredToken>();

  async get(key: string): Promise<StoredToken | undefined> {
    return this.#tokens.get(key);
  }

  async set(key: string, token: StoredToken): Promise<void> {
    this.#tokens.set(key, { ...token });
  }
}
