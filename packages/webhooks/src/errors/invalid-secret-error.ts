import { ConfigurationError } from '@patchbay/core';
import type { WebhookScheme } from './webhook-verification-error.js';

/**
 * A configured secret cannot be the credential the scheme needs: it is empty, has surrounding
 * whitespace, is another kind of credential (an API key or access token), or does not decode.
 * Raised when a verifier or sender is created, never while a request is handled. The message
 * names the expected credential and never contains the secret.
 */
export class InvalidSecretError extends ConfigurationError {
  static override readonly kind: string = 'InvalidSecretError';
  override name = 'InvalidSecretError';
  override readonly code = 'invalid_secret';
  readonly scheme: WebhookScheme;
  /** Position of the offending secret in the configured list. */
  readonly secretIndex: number;

  constructor(message: string, details: { scheme: WebhookScheme; option: string; secretIndex: number }) {
    super(message, { option: details.option, service: details.scheme });
    this.scheme = details.scheme;
    this.secretIndex = details.secretIndex;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, scheme: this.scheme, secretIndex: this.secretIndex };
  }
}
