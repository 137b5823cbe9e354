import { isIP } from 'node:net';
import { type Dispatcher, request } from 'undici';
import { BlockedAddressError } from '../errors/blocked-address-error.js';
import { type AddressPolicy, unbracket } from './address-policy.js';
import type { AttemptOutcome } from './delivery-store.js';
import { parseRetryAfter } from './parse-retry-after.js';

export interface AttemptInput {
  url: string;
  body: Uint8Array;
  headers: Record<string, string>;
  dispatcher: Dispatcher;
  timeoutMs: number;
  policy: AddressPolicy;
  now: () => number;
}

export interface AttemptResult {
  outcome: AttemptOutcome;
  startedAtMs: number;
  durationMs: number;
  status?: number;
  location?: string;
  retryAfterMs?: number;
  error?: string;
}

function outcomeOf(status: number): AttemptOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if (status >= 300 && status < 400) return 'redirect';
  return 'http-error';
}

function findBlocked(error: unknown): BlockedAddressError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (BlockedAddressError.isInstance(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

/**
 * Sends one POST and classifies the result; request errors become outcomes instead of exceptions.
 * Redirects are never followed, because undici's `request` returns 3xx responses as they are and
 * the Location is only recorded. The timeout covers connecting, waiting for headers and reading
 * (then discarding) the response body.
 */
export async function attemptDelivery(input: AttemptInput): Promise<AttemptResult> {
  const startedAtMs = input.now();
  const elapsed = () => input.now() - startedAtMs;
  const host = unbracket(new URL(input.url).hostname);
  if (isIP(host) !== 0 && !input.policy.allows(host)) {
    return {
      outcome: 'blocked',
      startedAtMs,
      durationMs: 0,
      error: new BlockedAddressError(host, host).message,
    };
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), input.timeoutMs);
  try {
    const response = await request(input.url, {
      method: 'POST',
      headers: input.headers,
      body: input.body,
      dispatcher: input.dispatcher,
      signal: controller.signal,
    });
    await response.body.dump();
    const location = response.headers.location;
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], input.now());
    return {
      outcome: outcomeOf(response.statusCode),
      startedAtMs,
      durationMs: elapsed(),
      status: response.statusCode,
      ...(location === undefined ? {} : { location: Array.isArray(location) ? location[0] : location }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        outcome: 'timeout',
        startedAtMs,
        durationMs: elapsed(),
        error: `No response within ${input.timeoutMs} ms.`,
      };
    }
    const blocked = findBlocked(error);
    if (blocked) return { outcome: 'blocked', startedAtMs, durationMs: elapsed(), error: blocked.message };
    return { outcome: 'network-error', startedAtMs, durationMs: elapsed(), error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}
