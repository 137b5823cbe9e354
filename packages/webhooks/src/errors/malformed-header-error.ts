import { type WebhookScheme, WebhookVerificationError } from './webhook-verification-error.js';

/** A required header is present but cannot be parsed, such as a non-numeric timestamp. */
export class MalformedHeaderError extends WebhookVerificationError {
  static override readonly kind: string = 'MalformedHeaderError';
  override name = 'MalformedHeaderError';
  declare readonly code: 'malformed_header';
  /** Canonical spelling of the header, such as `webhook-timestamp`. */
  readonly header: string;

  /** `problem` completes the sentence "The <header> header ..." and states what was expected. */
  constructor(header: string, problem: string, options: { scheme: WebhookScheme }) {
    super(`The ${header} header ${problem}`, {
      code: 'malformed_header',
      category: 'validation',
      scheme: options.scheme,
    });
    this.header = header;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), header: this.header };
  }
}
