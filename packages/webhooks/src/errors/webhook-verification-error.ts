import { type ErrorCategory, PatchbayError } from '@patchbay/core';

/** Machine-readable reason a webhook request was rejected before its handler ran. */
export type WebhookErrorCode =
  | 'raw_body_required'
  | 'missing_header'
  | 'malformed_header'
  | 'signature_mismatch'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'payload_too_large';

/** Signature scheme a verifier, signer or error belongs to. */
export type WebhookScheme = 'stripe' | 'hubspot' | 'standard-webhooks' | 'github';

export interface WebhookVerificationErrorOptions {
  code: WebhookErrorCode;
  category: ErrorCategory;
  scheme?: WebhookScheme | undefined;
  cause?: unknown;
}

/**
 * Base class of every error raised while reading or verifying an incoming webhook. Each
 * subclass has its own `code`, so callers can branch on `code` or on `Subclass.isInstance()`.
 * None of them is retryable: the same request fails the same way again.
 */
export class WebhookVerificationError extends PatchbayError {
  static override readonly kind: string = 'WebhookVerificationError';
  override name = 'WebhookVerificationError';
  declare readonly code: WebhookErrorCode;
  readonly scheme: WebhookScheme | undefined;

  constructor(message: string, options: WebhookVerificationErrorOptions) {
    super(message, {
      category: options.category,
      code: options.code,
      retryable: false,
      cause: options.cause,
      service: options.scheme,
    });
    this.scheme = options.scheme;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), scheme: this.scheme };
  }
}
