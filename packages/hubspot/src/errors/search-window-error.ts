import { PatchbayError } from '@patchbay/core';

/**
 * A search walk reached HubSpot's 10,000-result window: HubSpot rejects any page past it, so the
 * remaining results cannot be reached with `after`.
 */
export class SearchWindowError extends PatchbayError {
  static override readonly kind: string = 'SearchWindowError';
  override name = 'SearchWindowError';
  /** Results HubSpot reported for the search. */
  readonly total: number;
  /** Results yielded before the walk stopped. */
  readonly yielded: number;

  constructor(objectType: string, total: number, yielded: number) {
    super(
      `The ${objectType} search matched ${total} records, but HubSpot pages through at most the first 10,000 ` +
        `results of one search; ${yielded} were returned. Use searchById(), which sorts by hs_object_id and ` +
        'filters on hs_object_id > the last id, or narrow the filters.',
      { category: 'validation', code: 'SEARCH_WINDOW_EXCEEDED', service: 'hubspot' },
    );
    this.total = total;
    this.yielded = yielded;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), total: this.total, yielded: this.yielded };
  }
}
