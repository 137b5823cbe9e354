import type { FakeErrorBody } from './fake-stripe-error.js';
import { seededRandom } from './seeded-random.js';

/** A failure the fake produces instead of, or around, the normal response. */
export type FakeFault =
  /** 429 with code `rate_limit`, returned before the request is processed. */
  | { kind: 'rate-limit'; shouldRetry?: boolean }
  /** 429 with code `lock_timeout`: another request held the object. */
  | { kind: 'lock-timeout'; shouldRetry?: boolean }
  /** A 5xx `api_error`. */
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504; shouldRetry?: boolean }
  /**
   * The connection closes without a response. `after-processing` applies the request (and stores
   * its idempotent result) first, the case where a client cannot know whether a write happened.
   * @default when 'before-processing'
   */
  | { kind: 'reset'; when?: 'before-processing' | 'after-processing' }
  /** Processing takes this long, while the request's idempotency key stays in use. */
  | { kind: 'slow'; delayMs: number }
  /** Any error response, such as a 400 with `Stripe-Should-Retry: true`. */
  | { kind: 'error'; status: number; error: FakeErrorBody; headers?: Record<string, string> };

/** The requests a fault applies to. Every given field must match. */
export interface FakeFaultMatch {
  method?: string;
  /** An exact path such as `/v1/payment_intents`, or a pattern. */
  path?: string | RegExp;
}

export interface RandomFaultOptions {
  /** Seed of the random source, so a failing run can be replayed. @default 1 */
  seed?: number;
  match?: FakeFaultMatch;
  /** Probability of each fault per request, from 0 to 1. */
  rateLimit?: number;
  lockTimeout?: number;
  serverError?: number;
  reset?: number;
  slow?: { probability: number; delayMs: number };
}

/** A fault that was applied, for assertions. */
export interface AppliedFault {
  fault: FakeFault;
  method: string;
  path: string;
  requestId: string;
}

interface Scheduled {
  fault: FakeFault;
  remaining: number;
  match: FakeFaultMatch | undefined;
}

function matches(match: FakeFaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

/** Scheduled and random faults of one fake. */
export class FakeFaults {
  readonly #scheduled: Scheduled[] = [];
  #random: (RandomFaultOptions & { next: () => number }) | undefined;
  /** Every fault applied so far, in order. */
  readonly applied: AppliedFault[] = [];

  /** Applies `fault` to the next `times` matching requests, after faults scheduled earlier. */
  inject(fault: FakeFault, options: { times?: number; match?: FakeFaultMatch } = {}): void {
    const times = options.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1)
      throw new TypeError(`faults.inject times must be a whole number >= 1; received ${times}.`);
    this.#scheduled.push({ fault, remaining: times, match: options.match });
  }

  /** Draws faults at random for every matching request, from a seeded source. */
  random(options: RandomFaultOptions): void {
    this.#random = { ...options, next: seededRandom(options.seed ?? 1) };
  }

  /** Removes scheduled and random faults; the `applied` log is kept. */
  clear(): void {
    this.#scheduled.length = 0;
    this.#random = undefined;
  }

  /** Returns the fault for this request, if any. A scheduled fault wins over a random one. */
  take(method: string, path: string): FakeFault | undefined {
    const index = this.#scheduled.findIndex((entry) => matches(entry.match, method, path));
    if (index !== -1) {
      const entry = this.#scheduled[index] as Scheduled;
      entry.remaining -= 1;
      if (entry.remaining === 0) this.#scheduled.splice(index, 1);
      return entry.fault;
    }
    return this.#draw(method, path);
  }

  #draw(method: string, path: string): FakeFault | undefined {
    const random = this.#random;
    if (!random || !matches(random.match, method, path)) return undefined;
    const roll = random.next();
    let threshold = 0;
    const options: Array<[number | undefined, FakeFault]> = [
      [random.rateLimit, { kind: 'rate-limit' }],
      [random.lockTimeout, { kind: 'lock-timeout' }],
      [random.serverError, { kind: 'server-error', status: 500 }],
      [random.reset, { kind: 'reset', when: random.next() < 0.5 ? 'before-processing' : 'after-processing' }],
      [random.slow?.probability, { kind: 'slow', delayMs: random.slow?.delayMs ?? 0 }],
    ];
    for (const [probability, fault] of options) {
      threshold += probability ?? 0;
      if (roll < threshold) return fault;
    }
    return undefined;
  }
}

/** Builds the status, headers and body of a fault that is sent as an error response. */
export function faultResponse(
  fault: FakeFault,
): { status: number; headers: Record<string, string>; error: FakeErrorBody } | undefined {
  const hint = (shouldRetry: boolean | undefined): Record<string, string> =>
    shouldRetry === undefined ? {} : { 'stripe-should-retry': String(shouldRetry) };
  switch (fault.kind) {
    case 'rate-limit':
      return {
        status: 429,
        headers: hint(fault.shouldRetry),
        error: {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message:
            'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.',
        },
      };
    case 'lock-timeout':
      return {
        status: 429,
        headers: hint(fault.shouldRetry),
        error: {
          type: 'invalid_request_error',
          code: 'lock_timeout',
          message:
            'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
        },
      };
    case 'server-error':
      return {
        status: fault.status ?? 500,
        headers: hint(fault.shouldRetry),
        error: { type: 'api_error', message: 'An unknown error occurred while processing the request.' },
      };
    case 'error':
      return { status: fault.status, headers: fault.headers ?? {}, error: fault.error };
    default:
      return undefined;
  }
}
