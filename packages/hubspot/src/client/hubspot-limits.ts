/** HubSpot subscription tiers, which set an account's API limits. */
export type HubSpotTier = 'free' | 'starter' | 'professional' | 'enterprise';

/** Request limits of one HubSpot account. */
export interface HubSpotLimits {
  /** Requests per rolling 10 seconds (the burst limit). */
  tenSecondly: number;
  /** CRM search requests per second, metered apart from the burst limit. */
  searchPerSecond: number;
  /** Requests per day; reported in headers, enforced by HubSpot with `DAILY` 429s. */
  daily: number;
}

// Burst and daily limits per tier, for privately distributed and private apps, from
// https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines and
// https://developers.hubspot.com/changelog/increasing-our-api-limits. Professional has 650,000
// per day and Enterprise 1,000,000, both 190 per 10 s. Each capacity pack (at most two) adds
// 1,000,000 per day, and any pack raises the burst limit to 250 per 10 s.
// NOTE: the search limit of 5 per second per account is the current guidelines' figure; older
// changelogs give 4 per token. Response headers correct the burst limit when HubSpot sends them.
const tiers: Record<HubSpotTier, HubSpotLimits> = {
  free: { tenSecondly: 100, searchPerSecond: 5, daily: 250_000 },
  starter: { tenSecondly: 100, searchPerSecond: 5, daily: 250_000 },
  professional: { tenSecondly: 190, searchPerSecond: 5, daily: 650_000 },
  enterprise: { tenSecondly: 190, searchPerSecond: 5, daily: 1_000_000 },
};

/** Capacity packs an account can hold at most. */
export const maxCapacityPacks = 2;

/** Returns the limits of a tier, with `capacityPacks` API limit increase packs applied. */
export function limitsForTier(tier: HubSpotTier, capacityPacks = 0): HubSpotLimits {
  const base = tiers[tier];
  const packs = Math.max(0, Math.min(maxCapacityPacks, capacityPacks));
  if (packs === 0) return { ...base };
  return { ...base, tenSecondly: 250, daily: base.daily + packs * 1_000_000 };
}
