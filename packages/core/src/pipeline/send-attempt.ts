import type { BreakerTicket } from '../breaker/request-breaker.js';
import { errorMatrix } from '../errors/error-matrix.js';
import { PatchbayError } from '../errors/patchbay-error.js';
import { NetworkError, TimeoutError } from '../errors/request-errors.js';
import type { LimiterPermit } from '../limiter/request-limiter.js';
import { silentLogger } from '../observability/logger.js';
import type { Redactor } from '../observability/redactor.js';
import { sanitizeError } from '../observability/sanitize-error.js';
import { parseRetryAfterMs } from '../retry/parse-retry-after.js';
import type { TransportResponse } from '../transport/transport.js';
import type { AttemptSignal, CallSignals } from './call-signals.js';
import { createHttpError } from './classify-response.js';
import type { ClientRuntime } from './client.js';
import type { PreparedRequest } from './prepare-request.js';
import { parseErrorBody, parseSuccessBody } from './read-response.js';
import type { ApiResponse, RequestOptions } from './request-options.js';

/** Facts about one call that its attempts share. */
export interface CallState {
  id: number;
  service: string;
  operation: string | undefined;
  method: string;
  redactedUrl: string;
  bucket: string;
  attemptMs: number;
  totalMs: number;
  /** The credential the last attempt carried, for the 401 handler. */
  credentialUsed: string | undefined;
}

/** The fields every event of a call carries. */
export function callEventBase(call: CallState) {
  return {
    service: call.service,
    callId: call.id,
    operation: call.operation,
    method: call.method,
    url: call.redactedUrl,
  };
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a transport failure to a NetworkError or an attempt TimeoutError; call stops are handled by the caller. */
function transportFailure(
  raw: unknown,
  call: CallState,
  attemptSignal: AttemptSignal,
  attempt: number,
  phase: string,
  redactor: Redactor,
) {
  if (PatchbayError.isInstance(raw)) return raw;
  const error = sanitizeError(raw, redactor);
  if (attemptSignal.timedOut()) {
    return new TimeoutError(
      `${call.service} ${call.method} ${call.redactedUrl}: attempt ${attempt} timed out after ${call.attemptMs} ms (timeout.attemptMs) while ${phase}.`,
      {
        method: call.method,
        url: call.redactedUrl,
        service: call.service,
        timeout: 'attempt',
        timeoutMs: call.attemptMs,
        attempts: attempt,
        cause: error,
      },
    );
  }
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(
    `${call.service} ${call.method} ${call.redactedUrl}: network error while ${phase}${code ? ` (${code})` : ''}: ${detail}`,
    { method: call.method, url: call.redactedUrl, service: call.service, cause: error, code },
  );
}

/**
 * Sends one attempt: breaker admission, credentials, limiter slot, transport, then either the
 * parsed response or a classified error. Throws on any failure; the caller decides on retries.
 */
export async function sendAttempt<T>(
  runtime: ClientRuntime,
  call: CallState,
  prepared: PreparedRequest,
  options: RequestOptions<T>,
  signals: CallSignals,
  attempt: number,
): Promise<ApiResponse<T>> {
  const ticket: BreakerTicket | undefined = runtime.breaker?.admit();
  let permit: LimiterPermit | undefined;
  let attemptSignal: AttemptSignal | undefined;
  let outcome: 'success' | 'failure' | 'ignore' = 'ignore';

  try {
    // Credentials first, so a token refresh cannot delay a request that already holds a limiter slot.
    const target = { headers: { ...prepared.headers }, url: prepared.url };
    if (runtime.auth && options.auth !== false) {
      call.credentialUsed = await runtime.auth.apply(target, runtime.authContext(signals.signal));
    }
    if (runtime.limiter) {
      permit = await runtime.limiter.acquire({
        bucket: call.bucket,
        identity: runtime.identity,
        signal: signals.signal,
      });
    }
    attemptSignal = signals.attempt(call.attemptMs);

    if (runtime.events.has('request')) {
      runtime.events.emit('request', { ...callEventBase(call), attempt, bucket: call.bucket });
    }
    if (runtime.logger !== silentLogger) {
      runtime.logger.debug(
        { service: call.service, callId: call.id, attempt, method: call.method, url: call.redactedUrl },
        `Sending ${call.method} ${call.redactedUrl} (attempt ${attempt}).`,
      );
    }

    const startedAt = Date.now();
    let response: TransportResponse;
    try {
      response = await runtime.transport.send({
        method: call.method,
        url: target.url,
        headers: target.headers,
        body: prepared.body.next(),
        signal: attemptSignal.signal,
      });
    } catch (error) {
      outcome = signals.reason ? 'ignore' : 'failure';
      throw transportFailure(
        error,
        call,
        attemptSignal,
        attempt,
        'waiting for the response',
        runtime.redactor,
      );
    }

    const status = response.status;
    const requestId = runtime.requestIdHeader ? response.headers[runtime.requestIdHeader] : undefined;
    const isSuccess = status >= 200 && status <= 299;
    const responseType = options.responseType ?? 'json';

    let text = '';
    const mustRead =
      !isSuccess || (responseType !== 'none' && status !== 204 && status !== 205 && call.method !== 'HEAD');
    try {
      if (mustRead) text = await response.text();
      else await response.discard();
    } catch (error) {
      outcome = signals.reason ? 'ignore' : 'failure';
      throw transportFailure(
        error,
        call,
        attemptSignal,
        attempt,
        'reading the response body',
        runtime.redactor,
      );
    }
    const durationMs = Date.now() - startedAt;

    const retryAfterMs = isSuccess ? undefined : parseRetryAfterMs(response.headers);
    const limiterKey = { bucket: call.bucket, identity: runtime.identity };
    if (isSuccess) {
      runtime.limiter?.observe(limiterKey, {
        status,
        headers: response.headers,
        retryAfterMs,
        used: permit?.used,
      });
    }

    if (runtime.events.has('response')) {
      runtime.events.emit('response', { ...callEventBase(call), attempt, status, durationMs, requestId });
    }

    if (isSuccess) {
      outcome = 'success';
      const context = {
        service: call.service,
        method: call.method,
        status,
        redactedUrl: call.redactedUrl,
        requestId,
        redactText: (value: string) => runtime.redactor.text(value),
      };
      let data: unknown;
      if (mustRead && responseType === 'json') data = parseSuccessBody(text, options.schema, context);
      else if (responseType === 'text') data = text;
      return { data: data as T, status, headers: response.headers, requestId, attempts: attempt };
    }

    const body = parseErrorBody(text);
    const classification = runtime.classify?.({
      status,
      headers: response.headers,
      body,
      method: call.method,
      url: target.url,
    });
    const error = createHttpError({
      service: call.service,
      method: call.method,
      redactedUrl: call.redactedUrl,
      status,
      redactedHeaders: runtime.redactor.headers(response.headers),
      redactedBody: runtime.redactor.value(body),
      requestId,
      retryAfterMs,
      classification,
      redactText: (value) => runtime.redactor.text(value),
    });
    runtime.limiter?.observe(limiterKey, {
      status,
      headers: response.headers,
      retryAfterMs: error.retryAfterMs,
      used: permit?.used,
    });
    // A throttled response tells nothing about the service's health; other error responses show it is up.
    if (errorMatrix[error.category].countsForBreaker) outcome = 'failure';
    else outcome = error.category === 'rate_limit' ? 'ignore' : 'success';
    throw error;
  } finally {
    attemptSignal?.dispose();
    permit?.release();
    if (ticket) {
      if (outcome === 'success') ticket.success();
      else if (outcome === 'failure') ticket.failure();
      else ticket.ignore();
    }
  }
}
