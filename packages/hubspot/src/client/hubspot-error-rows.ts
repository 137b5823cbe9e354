import type { ServiceErrorRow } from '@patchbay/core';

/** HubSpot's own classification rows, rendered into the README under the core matrix. */
export const hubSpotErrorRows: readonly ServiceErrorRow[] = [
  {
    when: '429 with `policyName` `TEN_SECONDLY_ROLLING`',
    category: 'rate_limit',
    retried:
      'yes, after the window rolls (Retry-After, else `X-HubSpot-RateLimit-Interval-Milliseconds`, at most 10 s); POST too, since HubSpot did not process it',
    action: 'Lower `limits.tenSecondly` or share one `limiterStore` between every client of the account.',
  },
  {
    when: '429 with `policyName` `SECONDLY` (CRM search)',
    category: 'rate_limit',
    retried: 'yes, after at least 1 s',
    action: 'Lower `limits.searchPerSecond`; the search bucket keeps other requests moving.',
  },
  {
    when: '429 with `policyName` `DAILY`',
    category: 'rate_limit',
    retried: 'no',
    action:
      'The account has used its daily budget; it returns at midnight in the account time zone. Buy the API capacity pack or spread the work.',
  },
  {
    when: '401 with `category` `EXPIRED_AUTHENTICATION`',
    category: 'authentication',
    retried: 'once, after one OAuth refresh',
    action: 'Nothing, unless the refresh fails: then run the OAuth flow again.',
  },
  {
    when: '403 with `category` `MISSING_SCOPES`',
    category: 'permission',
    retried: 'no',
    action: 'Add the scope named in `errors[].context.requiredGranularScopes` to the app (see Scopes).',
  },
  {
    when: '409 `Contact already exists. Existing ID: <id>`',
    category: 'conflict',
    retried: 'no',
    action:
      '`ConflictError.existingId` contains the id; `contacts.createOrUpdateByEmail` updates that record.',
  },
  {
    when: '423 Locked',
    category: 'conflict',
    retried: 'yes, after 2 s (idempotent requests only)',
    action: 'The record is being merged or imported; retry later.',
  },
  {
    when: '477 Migration in Progress',
    category: 'server',
    retried: 'yes, after Retry-After',
    action: 'The account is moving between data centres; wait.',
  },
  {
    when: '207 Multi-Status from a batch endpoint',
    category: 'validation',
    retried: 'no (not an exception)',
    action: 'Read `errors` (with each input index) and `missingIds()` on the batch result.',
  },
];
