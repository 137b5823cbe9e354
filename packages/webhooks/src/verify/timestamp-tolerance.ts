import { ConfigurationError } from '@patchbay/core';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import {
  FutureTimestampError,
  StaleTimestampError,
  type TimestampToleranceDetails,
} from '../errors/timestamp-errors.js';
import type { WebhookScheme } from '../errors/webhook-verification-error.js';

/** The only value that turns the timestamp check off. Without the check, a captured request can be replayed forever. */
export const TIMESTAMP_CHECK_DISABLED = 'disabled-i-understand-replay-risk';

/** Seconds a signed timestamp may differ from now, in either direction, or {@link TIMESTAMP_CHECK_DISABLED}. */
export type TimestampTolerance = number | typeof TIMESTAMP_CHECK_DISABLED;

/** Default tolerance, in seconds, in both directions. Stripe, HubSpot and Standard Webhooks all use 5 minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Converts the `toleranceSeconds` option to milliseconds, or `undefined` when the check is
 * disabled. Zero, negative and non-finite values raise {@link ConfigurationError}: zero would
 * reject every request, so it is never read as "off".
 */
export function resolveToleranceMs(
  value: TimestampTolerance | undefined,
  scheme: WebhookScheme,
): number | undefined {
  if (value === undefined) return DEFAULT_TOLERANCE_SECONDS * 1000;
  if (value === TIMESTAMP_CHECK_DISABLED) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(
      `toleranceSeconds must be a positive number of seconds, got ${JSON.stringify(value)}. ` +
        `Use ${DEFAULT_TOLERANCE_SECONDS} (the default) or another positive value. To turn the replay check off, ` +
        `pass toleranceSeconds: '${TIMESTAMP_CHECK_DISABLED}'.`,
      { option: 'toleranceSeconds', service: scheme },
    );
  }
  return value * 1000;
}

/** Reads `now` (epoch milliseconds or a Date) and falls back to `Date.now()`. */
export function resolveNowMs(now: number | Date | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

/**
 * Parses a header holding a non-negative integer timestamp and returns it in milliseconds.
 * Anything else, including signs, decimals and values beyond 15 digits, raises
 * {@link MalformedHeaderError}.
 */
export function parseTimestamp(
  value: string,
  unit: 'seconds' | 'milliseconds',
  header: string,
  scheme: WebhookScheme,
): number {
  if (!/^\d{1,15}$/.test(value)) {
    const shown = value.length > 32 ? `${value.slice(0, 32)}...` : value;
    throw new MalformedHeaderError(
      header,
      `must be an integer number of ${unit} since the Unix epoch, got ${JSON.stringify(shown)}.`,
      { scheme },
    );
  }
  const parsed = Number(value);
  return unit === 'seconds' ? parsed * 1000 : parsed;
}

/** Raises {@link StaleTimestampError} or {@link FutureTimestampError} when the timestamp is outside the window. */
export function checkTimestamp(details: TimestampToleranceDetails): void {
  const differenceMs = details.nowMs - details.timestampMs;
  if (differenceMs > details.toleranceMs) throw new StaleTimestampError(details);
  if (-differenceMs > details.toleranceMs) throw new FutureTimestampError(details);
}
