import { ConfigurationError } from '../errors/request-errors.js';
import type { AuthProvider } from './auth-provider.js';

function requireCredential(value: unknown, option: string, hint: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ConfigurationError(`${option} is missing or empty; ${hint}`, { option });
  }
  if (value.trim() !== value) {
    throw new ConfigurationError(
      `${option} has leading or trailing whitespace (often a pasted newline); trim it before passing it.`,
      { option },
    );
  }
  return value;
}

export interface ApiKeyAuthOptions {
  /** The API key. */
  key: string;
  /**
   * Where the key goes.
   * @default 'header'
   */
  in?: 'header' | 'query';
  /**
   * Header or query parameter name.
   * @default 'x-api-key'
   */
  name?: string;
}

/** Sends an API key in a header or a query parameter. */
export function apiKeyAuth(options: ApiKeyAuthOptions): AuthProvider {
  const key = requireCredential(options?.key, 'auth.key', 'pass the API key from the service dashboard.');
  const location = options.in ?? 'header';
  const name = options.name ?? 'x-api-key';
  if (location !== 'header' && location !== 'query') {
    throw new ConfigurationError(`auth.in must be 'header' or 'query'; received ${String(location)}.`, {
      option: 'auth.in',
    });
  }
  const headerName = name.toLowerCase();
  const queryPair = `${encodeURIComponent(name)}=${encodeURIComponent(key)}`;

  return {
    type: 'api-key',
    identity: () => key,
    apply(target, context) {
      context.redactor.addSecret(key);
      if (location === 'header') target.headers[headerName] = key;
      else target.url += `${target.url.includes('?') ? '&' : '?'}${queryPair}`;
      return key;
    },
  };
}

export interface BearerAuthOptions {
  /** A token, or a function that returns the current token (called once per attempt). */
  token: string | (() => string | Promise<string>);
  /**
   * Names the account for limiter keys when `token` is a function. Clients that share a limiter
   * store must pass the same value to share one bucket.
   * @default a random value per provider
   */
  identity?: string;
}

/** Sends `Authorization: Bearer <token>`, from a fixed token or a function. */
export function bearerAuth(options: BearerAuthOptions | string): AuthProvider {
  const settings = typeof options === 'string' ? { token: options } : options;
  const source = settings?.token;
  if (typeof source !== 'function') requireCredential(source, 'auth.token', 'pass the access token.');
  const identity =
    settings.identity ??
    (typeof source === 'string' ? source : `bearer-function:${globalThis.crypto.randomUUID()}`);

  return {
    type: 'bearer',
    identity: () => identity,
    async apply(target, context) {
      const token = typeof source === 'function' ? await source() : source;
      requireCredential(token, 'auth.token', 'the token function returned no token.');
      context.redactor.addSecret(token);
      target.headers.authorization = `Bearer ${token}`;
      return token;
    },
  };
}

export interface BasicAuthOptions {
  username: string;
  password: string;
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Sends HTTP Basic credentials (RFC 7617, UTF-8). */
export function basicAuth(options: BasicAuthOptions): AuthProvider {
  const username = requireCredential(options?.username, 'auth.username', 'pass the user name.');
  const password = requireCredential(options.password, 'auth.password', 'pass the password or secret.');
  if (username.includes(':')) {
    throw new ConfigurationError('auth.username must not contain ":" (RFC 7617); check the value.', {
      option: 'auth.username',
    });
  }
  const encoded = base64Utf8(`${username}:${password}`);

  return {
    type: 'basic',
    identity: () => `${username}:${password}`,
    apply(target, context) {
      context.redactor.addSecret(password);
      context.redactor.addSecret(encoded);
      target.headers.authorization = `Basic ${encoded}`;
      return encoded;
    },
  };
}

export { requireCredential };
