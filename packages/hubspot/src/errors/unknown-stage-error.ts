import { PatchbayError } from '@patchbay/core';

/** A pipeline or stage named by label or id that the account does not have. */
export class UnknownStageError extends PatchbayError {
  static override readonly kind: string = 'UnknownStageError';
  override name = 'UnknownStageError';
  /** The label or id that matched nothing. */
  readonly requested: string;
  /** Valid choices as `label (id)`. */
  readonly validChoices: readonly string[];

  constructor(message: string, requested: string, validChoices: readonly string[]) {
    super(message, { category: 'validation', code: 'UNKNOWN_STAGE', service: 'hubspot' });
    this.requested = requested;
    this.validChoices = validChoices;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), requested: this.requested, validChoices: this.validChoices };
  }
}
