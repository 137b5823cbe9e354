import { ConfigurationError } from '@patchbay/core';

// A date, an optional release name (`2026-07-29.dahlia`), and optional beta flags
// (`2020-08-27;search_api_beta=v1`). Format: docs.stripe.com/api/versioning.
const versionPattern = /^(\d{4})-(\d{2})-(\d{2})(\.[a-z]+)?(;[a-z0-9_]+=[a-z0-9_]+)*$/;

/**
 * Checks the pinned `Stripe-Version`. The version is required: without it Stripe responds with the
 * account's default version, which changes when someone upgrades the account, and with it the
 * shape of every response and webhook.
 */
export function validateApiVersion(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string' || apiVersion.trim() === '') {
    throw new ConfigurationError(
      'apiVersion is required, so response shapes do not change when the account default is upgraded. Pass the version your code was written against, such as "2026-07-29.dahlia" (Workbench shows the account default).',
      { option: 'apiVersion', service: 'stripe' },
    );
  }

  const match = versionPattern.exec(apiVersion);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new ConfigurationError(
      `apiVersion must be a Stripe API version such as "2026-07-29.dahlia" or "2024-06-20"; received ${JSON.stringify(apiVersion)}.`,
      { option: 'apiVersion', service: 'stripe' },
    );
  }
  return apiVersion;
}
