import { PatchbayError } from '@patchbay/core';

/** An input rejected before any request was sent, because HubSpot would reject it or misread it. */
export class HubSpotValidationError extends PatchbayError {
  static override readonly kind: string = 'HubSpotValidationError';
  override name = 'HubSpotValidationError';
  /** The option or property at fault, such as `properties.closedate`. */
  readonly field: string;

  constructor(message: string, options: { field: string; code: string; cause?: unknown }) {
    super(message, { category: 'validation', code: options.code, service: 'hubspot', cause: options.cause });
    this.field = options.field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}
