/**
 * HubSpot's rate-limit policy names, as sent in a 429 body's `policyName`
 * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 */
export const rateLimitPolicies = {
  /** The per-app burst window of 10 seconds. */
  tenSecondly: 'TEN_SECONDLY_ROLLING',
  /** The CRM search limit, counted per second. */
  secondly: 'SECONDLY',
  /** The per-account daily limit; it resets at midnight in the account's time zone. */
  daily: 'DAILY',
} as const;

/** Maximum wait for the ten-secondly window to roll, in milliseconds. */
export const tenSecondlyWindowMs = 10_000;

/** Minimum wait after a search 429, in milliseconds. */
export const secondlyWindowMs = 1_000;
