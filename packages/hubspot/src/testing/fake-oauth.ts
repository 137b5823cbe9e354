import type { FakeReply } from './fake-responses.js';
import type { SeededRandom } from './seeded-random.js';

/** Access tokens lasting 30 minutes, as HubSpot's do. */
const expiresInSeconds = 1_800;

/** The fake's OAuth server: authorization codes, refresh tokens and access tokens it issued. */
export class FakeOAuth {
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #random: SeededRandom;
  readonly #codes = new Set<string>();
  readonly #refreshTokens = new Set<string>();
  readonly #accessTokens = new Map<string, { expired: boolean }>();
  /** Token requests received, for assertions. */
  readonly tokenRequests: Array<Record<string, string>> = [];

  constructor(options: {
    clientId: string;
    clientSecret: string;
    random: SeededRandom;
    refreshTokens?: string[];
  }) {
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#random = options.random;
    for (const token of options.refreshTokens ?? []) this.#refreshTokens.add(token);
  }

  /** Creates a one-time code, as the consent page would pass to the redirect URI. */
  createAuthorizationCode(): string {
    const code = `code-${this.#random.uuid()}`;
    this.#codes.add(code);
    return code;
  }

  /** Marks every access token issued so far as expired; the next request with one gets a 401. */
  expireAccessTokens(): void {
    for (const state of this.#accessTokens.values()) state.expired = true;
  }

  /** `valid`, `expired`, or `unknown` for a token this server did not issue. */
  check(token: string): 'valid' | 'expired' | 'unknown' {
    const state = this.#accessTokens.get(token);
    if (!state) return 'unknown';
    return state.expired ? 'expired' : 'valid';
  }

  #issue(): FakeReply {
    const accessToken = `access-${this.#random.uuid()}`;
    const refreshToken = `refresh-${this.#random.uuid()}`;
    this.#accessTokens.set(accessToken, { expired: false });
    this.#refreshTokens.add(refreshToken);
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        access_token: accessToken,
        refresh_token: refreshToken,
        expires_in: expiresInSeconds,
      },
    };
  }

  /** POST /oauth/v1/token with a form body. */
  handleToken(form: URLSearchParams): FakeReply {
    const fields = Object.fromEntries(form);
    this.tokenRequests.push(fields);
    const invalid = (message: string, error = 'invalid_grant'): FakeReply => ({
      status: 400,
      body: { status: 'BAD_REQUEST', message, error },
    });
    if (fields.client_id !== this.#clientId || fields.client_secret !== this.#clientSecret) {
      return invalid('The client id or secret is invalid.', 'invalid_client');
    }
    if (fields.grant_type === 'refresh_token') {
      // Refresh tokens stay valid after use, as HubSpot's do; a rotated one is issued as well.
      if (!fields.refresh_token || !this.#refreshTokens.has(fields.refresh_token))
        return invalid('missing or unknown refresh token');
      return this.#issue();
    }
    if (fields.grant_type === 'authorization_code') {
      if (!fields.code || !this.#codes.delete(fields.code)) return invalid('missing or unknown auth code');
      if (!fields.redirect_uri) return invalid('missing redirect_uri', 'invalid_request');
      return this.#issue();
    }
    return invalid(`unsupported grant_type ${fields.grant_type ?? ''}`, 'unsupported_grant_type');
  }
}
