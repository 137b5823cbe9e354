import { HttpError } from '../errors/http-error.js';
import { PatchbayError } from '../errors/patchbay-error.js';
import { AbortError, TimeoutError } from '../errors/request-errors.js';
import { silentLogger } from '../observability/logger.js';
import { decideRetry } from '../retry/decide-retry.js';
import { resolveRetryOptions } from '../retry/retry-options.js';
import { CallSignals, resolveTimeoutOptions } from './call-signals.js';
import type { ClientRuntime } from './client.js';
import { prepareRequest } from './prepare-request.js';
import type { ApiResponse, RequestOptions } from './request-options.js';
import { type CallState, callEventBase, sendAttempt } from './send-attempt.js';

function describeFailure(error: PatchbayError): string {
  if (HttpError.isInstance(error))
    return `${error.category} ${error.status}${error.code ? ` ${error.code}` : ''}`;
  return error.code ? `${error.category} ${error.code}` : error.category;
}

/** Turns an abort of the whole call (total deadline or caller) into its final error. */
function stopError(
  call: CallState,
  signals: Pick<CallSignals, 'reason' | 'callerReason'>,
  attempts: number,
  lastError: PatchbayError | undefined,
) {
  const where = `${call.service} ${call.method} ${call.redactedUrl}`;
  if (signals.reason === 'caller') {
    return new AbortError(`${where} was aborted by the caller's signal after ${attempts} attempt(s).`, {
      cause: signals.callerReason,
      service: call.service,
    });
  }
  const last = lastError ? ` Last error: ${lastError.message}` : '';
  return new TimeoutError(
    `${where} ran out of its total time budget of ${call.totalMs} ms (timeout.totalMs) after ${attempts} attempt(s).${last}`,
    {
      method: call.method,
      url: call.redactedUrl,
      service: call.service,
      timeout: 'total',
      timeoutMs: call.totalMs,
      attempts,
      lastError,
    },
  );
}

function finish(error: PatchbayError, attempts: number, reason?: string): PatchbayError {
  error.attempts = attempts;
  if (reason) {
    error.notRetriedReason = reason;
    error.message = `${error.message} Not retried: ${reason}.`;
  }
  return error;
}

/**
 * Runs one call: prepares the request once, then sends attempts until one succeeds, a failure
 * is not retried, or the total deadline or the caller's signal stops it. Every wait (limiter,
 * backoff, Retry-After) counts against the total deadline.
 */
export async function executeCall<T>(
  runtime: ClientRuntime,
  options: RequestOptions<T>,
): Promise<ApiResponse<T>> {
  const retry = options.retry ? resolveRetryOptions(runtime.retry, options.retry) : runtime.retry;
  const timeout = options.timeout ? resolveTimeoutOptions(runtime.timeout, options.timeout) : runtime.timeout;
  const prepared = prepareRequest(options as RequestOptions<unknown>, runtime.prepare);

  const call: CallState = {
    id: runtime.nextCallId(),
    service: runtime.service,
    operation: options.operation,
    method: prepared.method,
    redactedUrl: runtime.redactor.url(prepared.url),
    bucket: options.bucket ?? 'default',
    attemptMs: timeout.attemptMs,
    totalMs: timeout.totalMs,
    credentialUsed: undefined,
  };
  const signals = new CallSignals(timeout.totalMs, options.signal);
  let attempts = 0;
  let lastError: PatchbayError | undefined;
  let refreshedAfter401 = false;

  try {
    for (;;) {
      if (signals.reason) throw finish(stopError(call, signals, attempts, lastError), attempts);
      attempts += 1;
      let error: PatchbayError;
      try {
        return await sendAttempt(runtime, call, prepared, options, signals, attempts);
      } catch (caught) {
        if (signals.reason) throw finish(stopError(call, signals, attempts, lastError), attempts);
        if (!PatchbayError.isInstance(caught)) throw caught;
        error = caught;
      }
      lastError = error;

      const retriesSoFar = attempts - 1;
      const unauthorized = HttpError.isInstance(error) && error.status === 401;
      if (unauthorized && runtime.auth?.handleUnauthorized && options.auth !== false && !refreshedAfter401) {
        // One refresh per call; a 401 after it is final. A refresh failure rejects with its own error.
        refreshedAfter401 = true;
        let renewed: boolean;
        try {
          renewed = await runtime.auth.handleUnauthorized(
            call.credentialUsed,
            runtime.authContext(signals.signal),
          );
        } catch (refreshError) {
          if (signals.reason) throw finish(stopError(call, signals, attempts, lastError), attempts);
          throw refreshError;
        }
        if (renewed && retriesSoFar < retry.maxRetries) {
          emitRetry(runtime, call, attempts, 0, 'none', error);
          continue;
        }
        const reason = renewed
          ? `retry.maxRetries (${retry.maxRetries}) reached; the token was refreshed for later calls`
          : undefined;
        throw finish(error, attempts, reason);
      }

      const decision = decideRetry({
        error,
        retriesSoFar,
        options: retry,
        method: prepared.method,
        repeatable: prepared.repeatable,
        bodyKind: prepared.body.kind,
      });
      if (!decision.retry) throw finish(error, attempts, decision.reason);

      if (decision.delayMs > signals.remainingMs()) {
        const timeoutError = stopError(call, { reason: 'total', callerReason: undefined }, attempts, error);
        throw finish(
          timeoutError,
          attempts,
          `the next retry in ${decision.delayMs} ms would pass the total deadline`,
        );
      }

      emitRetry(runtime, call, attempts, decision.delayMs, decision.delaySource, error);
      try {
        await signals.sleep(decision.delayMs);
      } catch {
        throw finish(stopError(call, signals, attempts, lastError), attempts);
      }
    }
  } catch (error) {
    if (PatchbayError.isInstance(error) && runtime.events.has('error')) {
      runtime.events.emit('error', { ...callEventBase(call), attempts, error });
    }
    throw error;
  } finally {
    signals.dispose();
  }
}

function emitRetry(
  runtime: ClientRuntime,
  call: CallState,
  attempt: number,
  delayMs: number,
  delaySource: 'backoff' | 'retry-after' | 'none',
  error: PatchbayError,
): void {
  const reason = describeFailure(error);
  if (runtime.logger !== silentLogger) {
    runtime.logger.info(
      {
        service: call.service,
        callId: call.id,
        operation: call.operation,
        attempt,
        delayMs,
        reason,
        url: call.redactedUrl,
      },
      `Retrying ${call.method} ${call.redactedUrl} after ${reason} in ${delayMs} ms.`,
    );
  }
  if (!runtime.events.has('retry')) return;
  runtime.events.emit('retry', {
    ...callEventBase(call),
    attempt,
    delayMs,
    delaySource,
    reason,
    error,
  });
}
