import { CircuitOpenError, ConfigurationError } from '../errors/request-errors.js';
import type { EventBus } from '../observability/event-bus.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import type { BreakerState, ClientEvents } from '../pipeline/client-events.js';
import type { BreakerTicket, RequestBreaker } from './request-breaker.js';

export interface CircuitBreakerOptions {
  /**
   * `consecutive` opens after `failureThreshold` failures in a row; `ratio` opens when at least
   * `minimumAttempts` attempts in the last `windowMs` failed at `failureRatio` or more.
   * @default 'consecutive'
   */
  mode?: 'consecutive' | 'ratio';
  /** @default 5 */
  failureThreshold?: number;
  /** @default 0.5 */
  failureRatio?: number;
  /** @default 10 */
  minimumAttempts?: number;
  /**
   * Rolling window of the ratio mode, in milliseconds.
   * @default 30000
   */
  windowMs?: number;
  /**
   * How long the breaker stays open before it half-opens, in milliseconds.
   * @default 30000
   */
  openMs?: number;
  /**
   * Attempts admitted while half-open; all must succeed to close it, and one failure reopens it.
   * @default 1
   */
  halfOpenProbes?: number;
}

export interface BreakerAttachment {
  service: string;
  events: EventBus<ClientEvents>;
  logger: Logger;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError(`breaker.${name} must be a whole number >= 1; received ${String(value)}.`, {
      option: `breaker.${name}`,
    });
  }
  return value;
}

/**
 * A circuit breaker. Failures are what the error matrix marks `countsForBreaker` (server,
 * network, timeout); other answers count as successes and throttling counts as neither.
 */
export class CircuitBreaker implements RequestBreaker {
  readonly #mode: 'consecutive' | 'ratio';
  readonly #failureThreshold: number;
  readonly #failureRatio: number;
  readonly #minimumAttempts: number;
  readonly #windowMs: number;
  readonly #openMs: number;
  readonly #halfOpenProbes: number;
  #state: BreakerState = 'closed';
  #consecutiveFailures = 0;
  /** Outcomes in the ratio window: [time, failed]. */
  #outcomes: Array<[number, boolean]> = [];
  #openedAt = 0;
  #probesInFlight = 0;
  #probeSuccesses = 0;
  #attachment: BreakerAttachment = { service: 'unknown', events: undefined as never, logger: silentLogger };

  constructor(options: CircuitBreakerOptions = {}) {
    this.#mode = options.mode ?? 'consecutive';
    if (this.#mode !== 'consecutive' && this.#mode !== 'ratio') {
      throw new ConfigurationError(
        `breaker.mode must be 'consecutive' or 'ratio'; received ${String(this.#mode)}.`,
        {
          option: 'breaker.mode',
        },
      );
    }
    this.#failureThreshold = positiveInteger('failureThreshold', options.failureThreshold ?? 5);
    this.#minimumAttempts = positiveInteger('minimumAttempts', options.minimumAttempts ?? 10);
    this.#windowMs = positiveInteger('windowMs', options.windowMs ?? 30_000);
    this.#openMs = positiveInteger('openMs', options.openMs ?? 30_000);
    this.#halfOpenProbes = positiveInteger('halfOpenProbes', options.halfOpenProbes ?? 1);
    this.#failureRatio = options.failureRatio ?? 0.5;
    if (!(this.#failureRatio > 0 && this.#failureRatio <= 1)) {
      throw new ConfigurationError(
        `breaker.failureRatio must be in (0, 1]; received ${String(this.#failureRatio)}.`,
        {
          option: 'breaker.failureRatio',
        },
      );
    }
  }

  attach(attachment: BreakerAttachment): void {
    this.#attachment = attachment;
  }

  /** The current state; an open breaker whose time is up reads as half-open. */
  get state(): BreakerState {
    if (this.#state === 'open' && Date.now() - this.#openedAt >= this.#openMs) return 'half-open';
    return this.#state;
  }

  admit(): BreakerTicket {
    if (this.#state === 'open') {
      const remainingMs = this.#openedAt + this.#openMs - Date.now();
      if (remainingMs > 0) throw this.#openError(remainingMs);
      this.#transition('half-open', `open for ${this.#openMs} ms`);
    }
    if (this.#state === 'half-open') {
      if (this.#probesInFlight + this.#probeSuccesses >= this.#halfOpenProbes) throw this.#openError(0);
      this.#probesInFlight += 1;
      return this.#ticket(true);
    }
    return this.#ticket(false);
  }

  #openError(remainingMs: number): CircuitOpenError {
    const { service } = this.#attachment;
    const detail =
      remainingMs > 0
        ? `it lets a probe through in ${remainingMs} ms`
        : `${this.#halfOpenProbes} probe(s) are already testing the service`;
    return new CircuitOpenError(
      `The ${service} circuit breaker is open after repeated failures, so the request was not sent; ${detail}.`,
      { service, retryAfterMs: Math.max(0, remainingMs) },
    );
  }

  #ticket(probe: boolean): BreakerTicket {
    let settled = false;
    const settle = (outcome: 'success' | 'failure' | 'ignore') => {
      if (settled) return;
      settled = true;
      if (probe && this.#probesInFlight > 0) this.#probesInFlight -= 1;
      if (outcome === 'success') this.#onSuccess(probe);
      else if (outcome === 'failure') this.#onFailure(probe);
    };
    return {
      success: () => settle('success'),
      failure: () => settle('failure'),
      ignore: () => settle('ignore'),
    };
  }

  #onSuccess(probe: boolean): void {
    if (probe && this.#state === 'half-open') {
      this.#probeSuccesses += 1;
      if (this.#probeSuccesses >= this.#halfOpenProbes)
        this.#transition('closed', `${this.#halfOpenProbes} probe(s) succeeded`);
      return;
    }
    this.#consecutiveFailures = 0;
    this.#record(false);
  }

  #onFailure(probe: boolean): void {
    if (probe && this.#state === 'half-open') {
      this.#transition('open', 'a probe failed');
      return;
    }
    if (this.#state !== 'closed') return;
    this.#consecutiveFailures += 1;
    this.#record(true);
    if (this.#mode === 'consecutive' && this.#consecutiveFailures >= this.#failureThreshold) {
      this.#transition('open', `${this.#consecutiveFailures} consecutive failures`);
    } else if (this.#mode === 'ratio') {
      const failures = this.#outcomes.filter(([, failed]) => failed).length;
      const total = this.#outcomes.length;
      if (total >= this.#minimumAttempts && failures / total >= this.#failureRatio) {
        this.#transition('open', `${failures} of ${total} attempts failed in ${this.#windowMs} ms`);
      }
    }
  }

  #record(failed: boolean): void {
    if (this.#mode !== 'ratio') return;
    const now = Date.now();
    this.#outcomes.push([now, failed]);
    const cutoff = now - this.#windowMs;
    let drop = 0;
    while (drop < this.#outcomes.length && this.#outcomes[drop]![0] <= cutoff) drop += 1;
    if (drop > 0) this.#outcomes.splice(0, drop);
  }

  #transition(to: BreakerState, reason: string): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#probesInFlight = 0;
    this.#probeSuccesses = 0;
    if (to === 'open') this.#openedAt = Date.now();
    if (to === 'closed') {
      this.#consecutiveFailures = 0;
      this.#outcomes = [];
    }
    const { service, events, logger } = this.#attachment;
    events?.emit('breaker-state', { service, from, to, reason });
    logger[to === 'open' ? 'warn' : 'info'](
      { service, from, to, reason },
      `The ${service} circuit breaker is ${to}: ${reason}.`,
    );
  }
}

/** Creates a {@link CircuitBreaker}. */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  return new CircuitBreaker(options);
}
