import { PatchbayError } from '@patchbay/core';

/**
 * A row Stripe returned for one customer's history belongs to someone else. The history is not
 * returned at all, because showing another customer's payments is worse than showing none.
 */
export class CustomerMismatchError extends PatchbayError {
  static override readonly kind: string = 'CustomerMismatchError';
  override name = 'CustomerMismatchError';
  readonly objectId: string;
  readonly expected: string;
  /** The owner the row names, or `undefined` when it names none. */
  readonly actual: string | undefined;

  constructor(options: { objectId: string; expected: string; actual: string | undefined }) {
    super(
      `Stripe returned ${options.objectId} for customer ${options.expected}, but it belongs to ${options.actual ?? 'no customer'}; the payment history was withheld.`,
      { category: 'parse', code: 'customer_mismatch', service: 'stripe' },
    );
    this.objectId = options.objectId;
    this.expected = options.expected;
    this.actual = options.actual;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), objectId: this.objectId, expected: this.expected, actual: this.actual };
  }
}
