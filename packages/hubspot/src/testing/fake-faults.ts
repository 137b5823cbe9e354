import type { SeededRandom } from './seeded-random.js';

/** Kinds of injected failure. */
export type FaultKind = '429' | '5xx' | 'reset' | 'slow';

/**
 * When a `5xx` or `reset` fault strikes: `before` the request is processed (the store is
 * unchanged, as when a gateway fails), or `after` (the change is made, then the response is lost:
 * the case that makes non-idempotent retries dangerous).
 */
export type FaultTiming = 'before' | 'after';

export interface FaultRequestInfo {
  method: string;
  path: string;
}

export interface FaultOptions {
  /** Probability in [0, 1] that a request gets a fault. */
  rate: number;
  /**
   * Kinds to pick from, uniformly.
   * @default ['429', '5xx', 'reset']
   */
  kinds?: FaultKind[];
  /** @default 'before' */
  timing?: FaultTiming;
  /**
   * Status of `5xx` faults.
   * @default 503
   */
  status?: number;
  /**
   * Delay of `slow` faults, in milliseconds.
   * @default 2000
   */
  slowMs?: number;
  /** Only requests this returns true for can fail. @default every request except the token endpoint */
  match?: (request: FaultRequestInfo) => boolean;
}

/** A fault chosen for one request. */
export interface Fault {
  kind: FaultKind;
  timing: FaultTiming;
  status: number;
  slowMs: number;
}

/** Decides which requests fail, from a seeded random source, or from a queue of scripted faults. */
export class FaultInjector {
  readonly #random: SeededRandom;
  #options: FaultOptions | undefined;
  readonly #queue: Fault[] = [];

  constructor(random: SeededRandom, options?: FaultOptions) {
    this.#random = random;
    this.#options = options;
  }

  /** Sets random fault injection for every later request; `undefined` turns it off. */
  configure(options: FaultOptions | undefined): void {
    this.#options = options;
  }

  /** Makes the next `count` requests fail with `kind`, ahead of any random faults. */
  next(
    kind: FaultKind,
    options: { count?: number; timing?: FaultTiming; status?: number; slowMs?: number } = {},
  ): void {
    for (let index = 0; index < (options.count ?? 1); index += 1) {
      this.#queue.push({
        kind,
        timing: options.timing ?? 'before',
        status: options.status ?? 503,
        slowMs: options.slowMs ?? 2_000,
      });
    }
  }

  /** Removes queued faults and random injection. */
  clear(): void {
    this.#queue.length = 0;
    this.#options = undefined;
  }

  /** Picks the fault for this request, if any. */
  pick(request: FaultRequestInfo): Fault | undefined {
    const queued = this.#queue.shift();
    if (queued) return queued;
    const options = this.#options;
    if (!options || options.rate <= 0) return undefined;
    if (options.match && !options.match(request)) return undefined;
    if (this.#random.next() >= options.rate) return undefined;
    const kinds = options.kinds ?? ['429', '5xx', 'reset'];
    const kind = kinds[Math.floor(this.#random.next() * kinds.length)] ?? '5xx';
    return {
      kind,
      timing: options.timing ?? 'before',
      status: options.status ?? 503,
      slowMs: options.slowMs ?? 2_000,
    };
  }
}
