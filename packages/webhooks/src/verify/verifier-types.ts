import type { WebhookScheme } from '../errors/webhook-verification-error.js';
import type { HeadersInput } from './headers.js';
import type { RawBody } from './raw-body.js';

/** Per-request inputs besides body and headers. */
export interface VerifyOptions {
  /** The verifier's clock for the timestamp check, in epoch milliseconds or as a Date. @default Date.now() */
  now?: number | Date;
  /**
   * The request URL: absolute (`https://host/path?query`, as a Fetch `Request.url`) or origin-form
   * (`/path?query`, as Node's `req.url`). Only HubSpot v2 and v3 sign it.
   */
  url?: string;
  /** The request method. Only HubSpot v2 and v3 sign it. @default 'POST' */
  method?: string;
}

/** A successful verification. */
export interface VerifyResult {
  scheme: WebhookScheme;
  /** Position of the matching secret in the configured list. */
  secretIndex: number;
  /** Label of the matching secret, when one was configured. */
  secretLabel: string | undefined;
  /** The signed timestamp, or `undefined` for schemes without one (GitHub, HubSpot v1 and v2). */
  timestamp: Date | undefined;
  /** Message id from the headers (`webhook-id`, `X-GitHub-Delivery`), when the scheme sends one. */
  webhookId: string | undefined;
  /** HubSpot signature version that was checked. */
  hubspotVersion?: 'v1' | 'v2' | 'v3';
  /** The URI that HubSpot v2 or v3 signatures were checked against. */
  signedUri?: string;
}

/**
 * Checks the signature of one webhook request. `verify` returns a {@link VerifyResult} or raises
 * a subclass of `WebhookVerificationError`, and never returns a failed result.
 */
export interface WebhookVerifier {
  readonly scheme: WebhookScheme;
  verify(rawBody: RawBody, headers: HeadersInput, options?: VerifyOptions): VerifyResult;
}
