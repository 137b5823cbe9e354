import { ConfigurationError } from '../errors/request-errors.js';

/** Time budgets of a call. */
export interface TimeoutOptions {
  /**
   * Budget of one attempt, from sending to the end of the response body, in milliseconds.
   * @default 30000
   */
  attemptMs?: number;
  /**
   * Budget of the whole call across attempts, limiter waits and backoff, in milliseconds.
   * @default 120000
   */
  totalMs?: number;
}

export const timeoutDefaults: Required<TimeoutOptions> = Object.freeze({
  attemptMs: 30_000,
  totalMs: 120_000,
});

export function resolveTimeoutOptions(
  ...layers: Array<TimeoutOptions | undefined>
): Required<TimeoutOptions> {
  const resolved = { ...timeoutDefaults };
  for (const layer of layers) {
    if (layer?.attemptMs !== undefined) resolved.attemptMs = layer.attemptMs;
    if (layer?.totalMs !== undefined) resolved.totalMs = layer.totalMs;
  }
  for (const key of ['attemptMs', 'totalMs'] as const) {
    const value = resolved[key];
    if (!(Number.isSafeInteger(value) && value > 0)) {
      throw new ConfigurationError(
        `timeout.${key} must be a whole number of milliseconds > 0; received ${String(value)}.`,
        {
          option: `timeout.${key}`,
        },
      );
    }
  }
  return resolved;
}

/** Why a call's signal fired. */
export type StopReason = 'caller' | 'total';

/** One attempt's abort signal and whether its own timeout fired. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

/**
 * Abort plumbing of one call: the caller's signal and the total deadline abort everything; each
 * attempt also has its own timeout. Timers use `setTimeout`, so fake timers control them.
 */
export class CallSignals {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  readonly #deadlineAtMs: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  #reason: StopReason | undefined;
  readonly #onCallerAbort = () => this.#stop('caller');

  constructor(totalMs: number, callerSignal: AbortSignal | undefined) {
    this.#deadlineAtMs = Date.now() + totalMs;
    this.#callerSignal = callerSignal;
    this.#timer = setTimeout(() => this.#stop('total'), totalMs);
    if (callerSignal?.aborted) this.#stop('caller');
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the call was stopped, or `undefined` while it runs. */
  get reason(): StopReason | undefined {
    return this.#reason;
  }

  get callerReason(): unknown {
    return this.#callerSignal?.reason;
  }

  remainingMs(): number {
    return Math.max(0, this.#deadlineAtMs - Date.now());
  }

  #stop(reason: StopReason): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#controller.abort(reason);
  }

  /** A signal for one attempt, aborted after `attemptMs` or when the call stops. */
  attempt(attemptMs: number): AttemptSignal {
    const controller = new AbortController();
    let timedOut = false;
    const onStop = () => controller.abort(this.#reason);
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort('attempt');
    }, attemptMs);
    if (this.signal.aborted) onStop();
    else this.signal.addEventListener('abort', onStop, { once: true });
    return {
      signal: controller.signal,
      timedOut: () => timedOut,
      dispose: () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onStop);
      },
    };
  }

  /** Waits `ms`, or rejects with the stop reason as soon as the call stops. */
  sleep(ms: number): Promise<void> {
    if (this.signal.aborted) return Promise.reject(this.#reason);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onStop = () => {
        clearTimeout(timer);
        reject(this.#reason);
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onStop);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onStop, { once: true });
    });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }
}
