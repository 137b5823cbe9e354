import { type WebhookScheme, WebhookVerificationError } from './webhook-verification-error.js';

/** A header the scheme requires is absent or empty. */
export class MissingHeaderError extends WebhookVerificationError {
  static override readonly kind: string = 'MissingHeaderError';
  override name = 'MissingHeaderError';
  declare readonly code: 'missing_header';
  /** Canonical spelling of the missing header, such as `Stripe-Signature`. */
  readonly header: string;

  constructor(header: string, options: { scheme: WebhookScheme; hint?: string }) {
    const hint = options.hint ? ` ${options.hint}` : '';
    super(
      `The ${header} header is missing or empty, so the ${options.scheme} webhook cannot be verified.${hint}`,
      {
        code: 'missing_header',
        category: 'validation',
        scheme: options.scheme,
      },
    );
    this.header = header;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), header: this.header };
  }
}
