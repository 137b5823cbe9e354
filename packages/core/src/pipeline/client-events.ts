import type { PatchbayError } from '../errors/patchbay-error.js';

interface CallEventBase {
  service: string;
  /** Increases per call on one client; ties the events of one call together. */
  callId: number;
  operation: string | undefined;
  method: string;
  /** Redacted URL. */
  url: string;
}

export interface RequestEvent extends CallEventBase {
  /** 1 for the first attempt. */
  attempt: number;
  bucket: string;
}

export interface ResponseEvent extends CallEventBase {
  attempt: number;
  status: number;
  durationMs: number;
  requestId: string | undefined;
}

export interface RetryEvent extends CallEventBase {
  /** The attempt that failed. */
  attempt: number;
  /** Wait before the next attempt, in milliseconds. */
  delayMs: number;
  /** Where the wait came from. */
  delaySource: 'backoff' | 'retry-after' | 'none';
  /** The failure's category, plus its status or code when it has one, such as `rate_limit 429`. */
  reason: string;
  error: PatchbayError;
}

export interface CallErrorEvent extends CallEventBase {
  attempts: number;
  error: PatchbayError;
}

export interface RateLimitedEvent {
  service: string;
  bucket: string;
  /** How long the call waited for the limiter, in milliseconds. */
  waitMs: number;
  reason: 'limit' | 'paused' | 'concurrency';
}

export interface LimiterUsageEvent {
  service: string;
  bucket: string;
  /** Requests started in the current window, this one included. */
  used: number;
  limit: number;
  windowMs: number;
}

export interface LimiterPausedEvent {
  service: string;
  bucket: string;
  /** Epoch milliseconds when the bucket admits requests again. */
  untilMs: number;
  reason: 'remaining-zero' | 'retry-after';
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerStateEvent {
  service: string;
  from: BreakerState;
  to: BreakerState;
  /** Why the state changed, such as `5 consecutive failures`. */
  reason: string;
}

export interface TokenRefreshedEvent {
  service: string;
  /** Epoch milliseconds when the new access token expires, when the endpoint said. */
  expiresAtMs: number | undefined;
  /** The token endpoint returned a new refresh token. */
  refreshTokenRotated: boolean;
  /** `expiry` when refreshed ahead of expiry, `unauthorized` after a 401. */
  trigger: 'expiry' | 'unauthorized';
}

/** Every event a client emits, by name. */
export interface ClientEvents {
  request: RequestEvent;
  response: ResponseEvent;
  retry: RetryEvent;
  error: CallErrorEvent;
  'rate-limited': RateLimitedEvent;
  'limiter-usage': LimiterUsageEvent;
  'limiter-paused': LimiterPausedEvent;
  'breaker-state': BreakerStateEvent;
  'token-refreshed': TokenRefreshedEvent;
}
