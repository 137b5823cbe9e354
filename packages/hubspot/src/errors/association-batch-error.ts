import { PatchbayError } from '@patchbay/core';

/** One requested link between two records. */
export interface AssociationPair {
  fromId: string;
  toId: string;
}

/** A batch association call that created fewer links than requested. */
export class AssociationBatchError extends PatchbayError {
  static override readonly kind: string = 'AssociationBatchError';
  override name = 'AssociationBatchError';
  /** The pairs HubSpot did not link. */
  readonly missing: readonly AssociationPair[];
  /** Per-item errors HubSpot returned, as sent. */
  readonly errors: readonly unknown[];

  constructor(from: string, to: string, missing: AssociationPair[], errors: unknown[], requested: number) {
    const listed = missing.map((pair) => `${from} ${pair.fromId} -> ${to} ${pair.toId}`).join(', ');
    super(
      `HubSpot linked ${requested - missing.length} of ${requested} ${from} -> ${to} pairs; not linked: ${listed}. ` +
        'Check that both records exist and that the association type fits this direction.',
      { category: 'validation', code: 'ASSOCIATIONS_MISSING', service: 'hubspot' },
    );
    this.missing = missing;
    this.errors = errors;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), missing: this.missing, errors: this.errors };
  }
}
