import { PatchbayError } from '@patchbay/core';

/**
 * An argument failed a check made before sending, so no request went to Stripe: a blank customer
 * id, an amount that is not a positive whole number of minor units, an empty invoice.
 */
export class StripeArgumentError extends PatchbayError {
  static override readonly kind: string = 'StripeArgumentError';
  override name = 'StripeArgumentError';
  /** The argument at fault, such as `customerId` or `lines[2].amount`. */
  readonly argument: string;

  constructor(message: string, options: { argument: string; cause?: unknown }) {
    super(message, {
      category: 'validation',
      code: 'invalid_argument',
      service: 'stripe',
      cause: options.cause,
    });
    this.argument = options.argument;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), argument: this.argument };
  }
}
