import type { RetryOptions } from '../retry/retry-options.js';
import type { TimeoutOptions } from './call-signals.js';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | ReadonlyArray<string | number | boolean>;

/**
 * A request body. Strings, bytes and JSON (`json` option) are replayed byte for byte on every
 * attempt. A stream can be sent once, so a call with a stream body is never retried; pass a
 * function that returns a fresh stream to allow retries.
 */
export type RequestBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | (() => ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>);

/** The subset of a zod schema the pipeline uses; any zod 4 schema fits. */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export interface RequestOptions<T = unknown> {
  method: HttpMethod;
  /** Path below the client's `baseUrl` (starting with `/`), or an absolute URL on the same origin. */
  path: string;
  /**
   * Query parameters. A record is encoded in insertion order (arrays repeat the key; `undefined`
   * and `null` are skipped); a string is appended as given, so a pre-encoded query keeps its form.
   */
  query?: Record<string, QueryValue> | URLSearchParams | string;
  headers?: Record<string, string | undefined>;
  /** Serialized once with `JSON.stringify` and sent as `application/json`. */
  json?: unknown;
  /** A pre-encoded `application/x-www-form-urlencoded` body. */
  form?: string | URLSearchParams;
  body?: RequestBody;
  /** Content type for `body`. */
  contentType?: string;
  /** Validates the parsed JSON response; a mismatch is a ParseError. */
  schema?: ResponseSchema<T>;
  /**
   * How to read a successful response: `json` parses it (an empty body is a ParseError except on
   * 204, 205 and HEAD), `text` returns it as a string, `none` discards it.
   * @default 'json'
   */
  responseType?: 'json' | 'text' | 'none';
  /** Sent in the client's idempotency header on every attempt; never replaced. */
  idempotencyKey?: string;
  /**
   * Marks a non-idempotent method as safe to repeat (a read-only search sent as POST, an upsert),
   * so it is retried without an idempotency key.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * Limiter bucket.
   * @default 'default'
   */
  bucket?: string;
  /** Overrides the client's retry options for this call. */
  retry?: RetryOptions;
  /** Overrides the client's timeouts for this call. */
  timeout?: TimeoutOptions;
  /** Operation name for events and logs, such as `customers.create`. */
  operation?: string;
  /** `false` sends the request without credentials. */
  auth?: false;
}

/** A successful response. */
export interface ApiResponse<T> {
  data: T;
  status: number;
  /** Response headers, lower-case names, unredacted. */
  headers: Record<string, string>;
  requestId: string | undefined;
  /** Attempts made, counting the one that succeeded. */
  attempts: number;
}
