/**
 * Error categories. Every error Patchbay raises has exactly one; retry decisions, breaker
 * accounting and the README's error table all read {@link errorMatrix} below.
 */
export type ErrorCategory =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'payment'
  | 'rate_limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'circuit_open'
  | 'parse'
  | 'configuration'
  | 'aborted'
  | 'unknown';

/** One row of the classification matrix. */
export interface ErrorMatrixRow {
  /** What the category means, in one sentence. */
  meaning: string;
  /** Typical HTTP statuses or sources. */
  sources: string;
  /** Whether the pipeline retries it by default (services may override per response). */
  retried: boolean;
  /** Whether the failure counts against the circuit breaker. */
  countsForBreaker: boolean;
  /** What the caller should do. */
  action: string;
}

/**
 * The classification matrix. The retry policy reads `retried`, the breaker reads
 * `countsForBreaker`, and `scripts/render-error-matrix.ts` renders the README table from it.
 */
export const errorMatrix: Readonly<Record<ErrorCategory, ErrorMatrixRow>> = Object.freeze({
  validation: {
    meaning: 'The service rejected the request as malformed or semantically invalid.',
    sources: '400, 405, 406, 411, 413, 414, 415, 416, 422; input checks before sending',
    retried: false,
    countsForBreaker: false,
    action: 'Fix the request; the error body and `code` name the offending field.',
  },
  authentication: {
    meaning: 'The credentials are missing, invalid, expired or could not be refreshed.',
    sources: '401; a failed OAuth token refresh',
    retried: false,
    countsForBreaker: false,
    action:
      'Check the token or key; for OAuth, re-run the authorization flow if the refresh token was revoked.',
  },
  permission: {
    meaning: 'The credentials are valid but lack the scope or role for this operation.',
    sources: '403',
    retried: false,
    countsForBreaker: false,
    action: 'Grant the missing scope or use a key with access to this resource.',
  },
  not_found: {
    meaning: 'The resource does not exist or is not visible to these credentials.',
    sources: '404, 410',
    retried: false,
    countsForBreaker: false,
    action: 'Check the id and the account; treat as absent.',
  },
  conflict: {
    meaning: 'The request conflicts with the current state, such as a duplicate unique value.',
    sources: '409, 412, 423',
    retried: false,
    countsForBreaker: false,
    action: 'Read the current state (the error may carry the existing id) and update instead of creating.',
  },
  payment: {
    meaning: 'The service declined a payment, for example a card decline.',
    sources: '402',
    retried: false,
    countsForBreaker: false,
    action: 'Ask the customer for another payment method; retrying the same card does not help.',
  },
  rate_limit: {
    meaning: 'The service throttled the request.',
    sources: '429',
    retried: true,
    countsForBreaker: false,
    action:
      'Retried after the wait the service asks for; if it keeps failing, lower the limiter rate or spread the work.',
  },
  server: {
    meaning: 'The service failed or was unavailable.',
    sources: '500, 502, 503, 504 (501 and 505 are not retried)',
    retried: true,
    countsForBreaker: true,
    action: 'Retried with backoff; if it persists, check the service status page and try later.',
  },
  network: {
    meaning: 'The connection failed or was reset before a response arrived.',
    sources: 'DNS failure, connection refused or reset, TLS failure',
    retried: true,
    countsForBreaker: true,
    action: 'Retried with backoff; check connectivity, proxies and DNS if it persists.',
  },
  timeout: {
    meaning: 'An attempt or the whole call ran past its time budget.',
    sources: 'attempt timeout, total deadline, 408',
    retried: true,
    countsForBreaker: true,
    action:
      'Attempt timeouts are retried; a total-deadline timeout ends the call, so raise `timeout.totalMs` or split the work.',
  },
  circuit_open: {
    meaning: 'The circuit breaker is open after repeated failures, so no request was sent.',
    sources: 'the client-side breaker',
    retried: false,
    countsForBreaker: false,
    action: 'Wait for `retryAfterMs`; the breaker lets a probe through when it half-opens.',
  },
  parse: {
    meaning: 'The response did not match the expected schema or was not valid JSON.',
    sources: 'any 2xx with an unexpected body',
    retried: false,
    countsForBreaker: false,
    action: 'Inspect `rawBody` and `issues`; the service may have changed its format or API version.',
  },
  configuration: {
    meaning: 'A client option or credential is invalid, so nothing was sent.',
    sources: 'options checked when a client or call is created',
    retried: false,
    countsForBreaker: false,
    action: 'Fix the named option; the message gives the value and the expected form.',
  },
  aborted: {
    meaning: "The caller's abort signal fired.",
    sources: 'AbortSignal',
    retried: false,
    countsForBreaker: false,
    action: 'None; the call was cancelled on purpose.',
  },
  unknown: {
    meaning: 'A status outside the classification, such as an unexpected redirect.',
    sources: '1xx, 3xx, other 4xx',
    retried: false,
    countsForBreaker: false,
    action: 'Inspect `status` and `body`.',
  },
});

export const errorCategories = Object.keys(errorMatrix) as ErrorCategory[];
