import type { DecodedForm } from '../form/decode-form.js';
import { FakeStripeError } from './fake-stripe-error.js';

/** A response as the fake stores it for replay. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Entry {
  method: string;
  path: string;
  fingerprint: string;
  createdAtMs: number;
  requestId: string;
  response: StoredResponse | undefined;
}

// Stripe prunes keys once they are at least 24 hours old. Source: docs.stripe.com/api/idempotent_requests.
const retentionMs = 24 * 60 * 60 * 1000;

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
}

/** The idempotency layer's decision for one request. */
export type IdempotencyDecision =
  | { kind: 'none' }
  | { kind: 'replay'; response: StoredResponse; originalRequestId: string }
  | { kind: 'run'; finish: (response: StoredResponse | undefined) => void };

/**
 * Stripe's idempotency layer. The first request with a key runs and its result is kept. The same
 * key with the same parameters replays that result, with other parameters it is a 400
 * `idempotency_error`, and while the first request still runs it is a 409 `idempotency_key_in_use`.
 */
export class FakeIdempotency {
  readonly #entries = new Map<string, Entry>();

  decide(options: {
    scope: string;
    key: string | undefined;
    method: string;
    path: string;
    params: DecodedForm;
    nowMs: number;
    requestId: string;
  }): IdempotencyDecision {
    const { key } = options;
    if (key === undefined || options.method !== 'POST') return { kind: 'none' };
    if (key.length > 255) {
      throw new FakeStripeError(400, {
        type: 'invalid_request_error',
        message: `Idempotency-Key is ${key.length} characters long; the maximum is 255.`,
      });
    }
    const id = `${options.scope}\n${key}`;
    const fingerprint = canonical(options.params);
    const existing = this.#entries.get(id);
    if (existing && options.nowMs - existing.createdAtMs >= retentionMs) this.#entries.delete(id);
    const entry = this.#entries.get(id);

    if (entry) {
      if (
        entry.method !== options.method ||
        entry.path !== options.path ||
        entry.fingerprint !== fingerprint
      ) {
        throw new FakeStripeError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      if (!entry.response) {
        // Stripe's docs do not name the error type that comes with this code. The fake uses
        // idempotency_error, and the client retries any 409 whatever its type.
        throw new FakeStripeError(409, {
          type: 'idempotency_error',
          code: 'idempotency_key_in_use',
          message:
            'There is currently another in-progress request using this Idempotency-Key. Please try again later.',
        });
      }
      return { kind: 'replay', response: entry.response, originalRequestId: entry.requestId };
    }

    const created: Entry = {
      method: options.method,
      path: options.path,
      fingerprint,
      createdAtMs: options.nowMs,
      requestId: options.requestId,
      response: undefined,
    };
    this.#entries.set(id, created);
    return {
      kind: 'run',
      finish: (response) => {
        // Results are kept only once the endpoint ran; validation failures free the key.
        if (response) created.response = response;
        else this.#entries.delete(id);
      },
    };
  }

  clear(): void {
    this.#entries.clear();
  }
}
