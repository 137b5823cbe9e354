import { ConfigurationError } from '../errors/request-errors.js';
import type { TransportBody } from '../transport/transport.js';
import type { HttpMethod, QueryValue, RequestOptions } from './request-options.js';

const idempotentMethods = new Set<string>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const validMethods = new Set<string>([...idempotentMethods, 'POST', 'PATCH']);

/** How each attempt obtains its body. */
export interface BodySource {
  /** `stream` bodies can be sent once; `factory` bodies build a fresh stream per attempt. */
  readonly kind: 'none' | 'bytes' | 'stream' | 'factory';
  next(): TransportBody | undefined;
}

export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: BodySource;
  /** The method is idempotent, the call carries an idempotency key, or the caller said so. */
  repeatable: boolean;
  idempotencyKey: string | undefined;
}

export interface PrepareContext {
  baseUrl: string;
  defaultHeaders: Record<string, string>;
  idempotencyHeader: string | undefined;
  generateIdempotencyKey: () => string;
}

export function encodeQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const encodedName = encodeURIComponent(name);
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodedName}=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodedName}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join('&');
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  let url: string;
  if (path.startsWith('/')) {
    url = baseUrl + path;
  } else if (/^https?:\/\//i.test(path)) {
    if (new URL(path).origin !== new URL(baseUrl).origin) {
      throw new ConfigurationError(
        `The request URL ${path} is not on the client's origin ${new URL(baseUrl).origin}; credentials are only sent to baseUrl.`,
        { option: 'path' },
      );
    }
    url = path;
  } else {
    throw new ConfigurationError(`path must start with "/" or be an absolute URL; received "${path}".`, {
      option: 'path',
    });
  }

  if (query === undefined) return url;
  const encoded =
    typeof query === 'string'
      ? query.replace(/^\?/, '')
      : query instanceof URLSearchParams
        ? query.toString()
        : encodeQuery(query);
  if (!encoded) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${encoded}`;
}

function prepareBody(options: RequestOptions<unknown>, headers: Record<string, string>): BodySource {
  const given = [options.json !== undefined, options.form !== undefined, options.body !== undefined].filter(
    Boolean,
  );
  if (given.length > 1) {
    throw new ConfigurationError('Pass only one of json, form and body.', { option: 'body' });
  }

  if (options.json !== undefined) {
    const text = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
    return { kind: 'bytes', next: () => text };
  }
  if (options.form !== undefined) {
    const text = typeof options.form === 'string' ? options.form : options.form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return { kind: 'bytes', next: () => text };
  }

  const body = options.body;
  if (body === undefined) return { kind: 'none', next: () => undefined };
  if (options.contentType) headers['content-type'] = options.contentType;
  if (typeof body === 'string' || body instanceof Uint8Array) return { kind: 'bytes', next: () => body };
  if (body instanceof ArrayBuffer) {
    const bytes = new Uint8Array(body);
    return { kind: 'bytes', next: () => bytes };
  }
  if (typeof body === 'function') return { kind: 'factory', next: () => body() };

  let used = false;
  return {
    kind: 'stream',
    next: () => {
      if (used) throw new Error('A one-shot stream body was already sent.');
      used = true;
      return body;
    },
  };
}

/** Validates a call's options and builds everything that stays the same across its attempts. */
export function prepareRequest(options: RequestOptions<unknown>, context: PrepareContext): PreparedRequest {
  const method = options.method?.toUpperCase() as HttpMethod;
  if (!validMethods.has(method)) {
    throw new ConfigurationError(
      `Unsupported HTTP method ${String(options.method)}; use one of ${[...validMethods].join(', ')}.`,
      {
        option: 'method',
      },
    );
  }

  const headers: Record<string, string> = { ...context.defaultHeaders };
  if (options.headers) {
    for (const name in options.headers) {
      const value = options.headers[name];
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
  }

  const url = buildUrl(context.baseUrl, options.path, options.query);
  const body = prepareBody(options, headers);

  // The key is fixed here, once per call, so every attempt carries the same one.
  let idempotencyKey: string | undefined;
  const header = context.idempotencyHeader;
  if (header) {
    idempotencyKey = options.idempotencyKey ?? headers[header];
    if (idempotencyKey === undefined && !idempotentMethods.has(method))
      idempotencyKey = context.generateIdempotencyKey();
    if (idempotencyKey !== undefined) headers[header] = idempotencyKey;
  } else if (options.idempotencyKey !== undefined) {
    throw new ConfigurationError(
      'idempotencyKey was given, but this client has no idempotency header configured (client option idempotency.header).',
      { option: 'idempotencyKey' },
    );
  }

  const repeatable =
    idempotentMethods.has(method) || idempotencyKey !== undefined || options.idempotent === true;
  return { method, url, headers, body, repeatable, idempotencyKey };
}
