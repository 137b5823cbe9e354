import { type WebhookScheme, WebhookVerificationError } from './webhook-verification-error.js';

/** Side of the tolerance window a timestamp fell on. */
export type TimestampSide = 'past' | 'future';

export interface TimestampToleranceDetails {
  scheme: WebhookScheme;
  header: string;
  /** The signed timestamp, in milliseconds since the epoch. */
  timestampMs: number;
  /** The verifier's clock when it checked, in milliseconds since the epoch. */
  nowMs: number;
  toleranceMs: number;
}

function describeSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? `${seconds} s` : `${seconds.toFixed(3)} s`;
}

/**
 * A correctly signed timestamp lies outside the tolerance window. `side` is `past` when it is too
 * old (a replay, or a delivery that sat in a queue) and `future` when the sender's clock is ahead.
 */
export class TimestampOutsideToleranceError extends WebhookVerificationError {
  static override readonly kind: string = 'TimestampOutsideToleranceError';
  override name = 'TimestampOutsideToleranceError';
  declare readonly code: 'timestamp_too_old' | 'timestamp_in_future';
  readonly side: TimestampSide;
  readonly header: string;
  readonly timestampMs: number;
  readonly nowMs: number;
  readonly toleranceMs: number;
  /** How far the timestamp is from now, in milliseconds (always positive). */
  readonly differenceMs: number;

  constructor(details: TimestampToleranceDetails) {
    const side: TimestampSide = details.timestampMs < details.nowMs ? 'past' : 'future';
    const differenceMs = Math.abs(details.nowMs - details.timestampMs);
    const where = side === 'past' ? 'older than now' : 'ahead of now';
    const fix =
      side === 'past'
        ? 'It may be a replay. If legitimate deliveries fail this way, check that ' +
          "this server's clock is synchronized (NTP) and that requests are not queued before verification."
        : "The sender's clock or this server's clock is wrong, so synchronize this server's clock (NTP).";
    super(
      `The ${details.header} timestamp is ${describeSeconds(differenceMs)} ${where}, outside the ` +
        `${describeSeconds(details.toleranceMs)} tolerance. ${fix}`,
      {
        code: side === 'past' ? 'timestamp_too_old' : 'timestamp_in_future',
        category: 'authentication',
        scheme: details.scheme,
      },
    );
    this.side = side;
    this.header = details.header;
    this.timestampMs = details.timestampMs;
    this.nowMs = details.nowMs;
    this.toleranceMs = details.toleranceMs;
    this.differenceMs = differenceMs;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      side: this.side,
      header: this.header,
      timestampMs: this.timestampMs,
      nowMs: this.nowMs,
      toleranceMs: this.toleranceMs,
      differenceMs: this.differenceMs,
    };
  }
}

/** The signed timestamp is older than the tolerance allows. */
export class StaleTimestampError extends TimestampOutsideToleranceError {
  static override readonly kind: string = 'StaleTimestampError';
  override name = 'StaleTimestampError';
  declare readonly code: 'timestamp_too_old';
  declare readonly side: 'past';
}

/** The signed timestamp is further in the future than the tolerance allows. */
export class FutureTimestampError extends TimestampOutsideToleranceError {
  static override readonly kind: string = 'FutureTimestampError';
  override name = 'FutureTimestampError';
  declare readonly code: 'timestamp_in_future';
  declare readonly side: 'future';
}
