import { StripeArgumentError } from '../errors/stripe-argument-error.js';

// Values that reach an API call when a variable was never set: String(undefined), String(null).
const placeholderIds = new Set(['undefined', 'null', 'nan']);

/**
 * Checks an object id before it goes into a path or a filter: a string, not blank, not a
 * stringified `undefined` or `null`, and starting with `prefix` when one is given (`cus_`, `pi_`).
 * Returns the id unchanged.
 */
export function requireId(value: unknown, argument: string, prefix?: string): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  if (typeof value !== 'string' || value.trim() === '' || placeholderIds.has(value.trim().toLowerCase())) {
    throw new StripeArgumentError(
      `${argument} must be a Stripe id${prefix ? ` starting with ${prefix}` : ''}; received ${shown}.`,
      {
        argument,
      },
    );
  }
  if (value !== value.trim() || /[\s/?#]/.test(value)) {
    throw new StripeArgumentError(
      `${argument} must not contain whitespace, "/", "?" or "#"; received ${shown}.`,
      {
        argument,
      },
    );
  }
  if (prefix !== undefined && !value.startsWith(prefix)) {
    throw new StripeArgumentError(`${argument} must start with ${prefix}; received ${shown}.`, { argument });
  }
  return value;
}
