import type { IncomingMessage, ServerResponse } from 'node:http';
import { AbortError, ConfigurationError, type Logger, PatchbayError, silentLogger } from '@patchbay/core';
import type { z } from 'zod';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { WebhookVerificationError } from '../errors/webhook-verification-error.js';
import { type HeadersInput, headersToRecord } from '../verify/headers.js';
import { type RawBody, toRawBytes } from '../verify/raw-body.js';
import type { VerifyResult, WebhookVerifier } from '../verify/verifier-types.js';
import { DEFAULT_DEDUPE_LEASE_MS, DEFAULT_DEDUPE_TTL_MS, type DedupeOptions } from './dedup-store.js';
import { extractEvents } from './extract-events.js';
import type { LambdaHttpEvent, LambdaHttpResult } from './lambda-event.js';
import { MemoryDedupStore } from './memory-dedup-store.js';
import { type ProcessEventSettings, processEvent } from './process-event.js';
import { DEFAULT_MAX_BODY_BYTES } from './read-node-body.js';
import {
  type ReceiveResponse,
  type ReceiveResult,
  type RejectionReason,
  responseText,
  statusForEvents,
  statusForRejection,
} from './receive-result.js';
import { toExpressMiddleware, toFetchHandler, toLambdaHandler, toNodeListener } from './receiver-adapters.js';
import type { WebhookHandlers } from './webhook-handler.js';

export interface WebhookReceiverOptions<Schemas extends Record<string, z.ZodType>> {
  verifier: WebhookVerifier;
  /** Handlers by event type. Events without a handler are acknowledged with 200 and reported as `ignored`. */
  handlers: WebhookHandlers<Schemas>;
  /** Deduplication by event id; `false` turns it off. @default an in-memory store */
  dedupe?: DedupeOptions | false;
  /** Largest body accepted, in bytes; larger requests get 413. @default 1048576 */
  maxBodyBytes?: number;
  /** @default silentLogger */
  logger?: Logger;
  /** Called with every result, for metrics or a dashboard. An exception it throws is logged and ignored. */
  onResult?: (result: ReceiveResult) => void;
  /** Clock in epoch milliseconds, for the timestamp check and durations. @default Date.now */
  now?: () => number;
}

/** A request as the framework-neutral {@link WebhookReceiver.handle} takes it. */
export interface WebhookRequest {
  rawBody: RawBody;
  headers: HeadersInput;
  /** Absolute URL or origin-form path and query; needed by HubSpot v2 and v3. */
  url?: string;
  /** @default 'POST' */
  method?: string;
}

export interface WebhookReceiver {
  /**
   * Verifies, deduplicates and dispatches one request, and returns the response to send. Every
   * failure becomes a response; only an injected logger that throws can make it reject.
   */
  handle(request: WebhookRequest): Promise<ReceiveResponse>;
  /** A listener for `http.createServer`. */
  node(): (request: IncomingMessage, response: ServerResponse) => void;
  /** Express middleware for the webhook route; mount it without `express.json()` in front. */
  express(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
  /** A Fetch handler for Next.js App Router, Hono, Workers, Deno and Bun. */
  fetch(): (request: Request) => Promise<Response>;
  /** An AWS Lambda handler for API Gateway, function URLs and ALB. */
  lambda(): (event: LambdaHttpEvent) => Promise<LambdaHttpResult>;
}

function reasonOf(error: unknown): RejectionReason {
  if (WebhookVerificationError.isInstance(error)) return error.code;
  if (ConfigurationError.isInstance(error)) return 'configuration';
  if (AbortError.isInstance(error)) return 'client_aborted';
  return 'internal_error';
}

/** Creates a receiver that verifies requests and dispatches their events to typed handlers. */
export function createWebhookReceiver<Schemas extends Record<string, z.ZodType>>(
  options: WebhookReceiverOptions<Schemas>,
): WebhookReceiver {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => Date.now());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const dedupe =
    options.dedupe === false
      ? undefined
      : {
          store: options.dedupe?.store ?? new MemoryDedupStore({ now }),
          ttlMs: options.dedupe?.ttlMs ?? DEFAULT_DEDUPE_TTL_MS,
          leaseMs: options.dedupe?.leaseMs ?? DEFAULT_DEDUPE_LEASE_MS,
        };
  const settings: ProcessEventSettings = { handlers: options.handlers, dedupe, logger, now };
  const { verifier } = options;

  function finish(result: ReceiveResult): ReceiveResponse {
    try {
      options.onResult?.(result);
    } catch (error) {
      logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'onResult threw; ignored.',
      );
    }
    return {
      status: result.status,
      body: responseText(result.status, result.outcome === 'rejected' ? result.reason : undefined),
      result,
    };
  }

  function reject(reason: RejectionReason, error: unknown, verification?: VerifyResult): ReceiveResponse {
    const status = statusForRejection(reason);
    const fields = {
      scheme: verifier.scheme,
      reason,
      status,
      message: error instanceof Error ? error.message : String(error),
    };
    if (status >= 500)
      logger.error(fields, 'Webhook request rejected because of the receiver setup or an internal error.');
    else logger.warn(fields, 'Webhook request rejected.');
    return finish({ outcome: 'rejected', status, reason, error, ...(verification ? { verification } : {}) });
  }

  async function handle(request: WebhookRequest): Promise<ReceiveResponse> {
    let verification: VerifyResult;
    let bytes: Uint8Array;
    try {
      bytes = toRawBytes(request.rawBody, verifier.scheme);
      if (bytes.byteLength > maxBodyBytes) {
        throw new PayloadTooLargeError({
          maxBodyBytes,
          receivedBytes: bytes.byteLength,
          detectedBy: 'stream',
        });
      }
      verification = verifier.verify(bytes, request.headers, {
        now: now(),
        url: request.url,
        method: request.method,
      });
    } catch (error) {
      return reject(reasonOf(error), error);
    }

    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      return reject('invalid_json', error, verification);
    }
    const headers = headersToRecord(request.headers);
    const events = extractEvents(verifier.scheme, payload, verification, headers);
    if (events === undefined) {
      const error = new PatchbayError(`The body is not a ${verifier.scheme} event envelope.`, {
        category: 'validation',
        code: 'invalid_envelope',
      });
      return reject('invalid_envelope', error, verification);
    }

    const context = { scheme: verifier.scheme, verification, headers };
    const outcomes = [];
    for (const event of events) outcomes.push(await processEvent(event, context, settings));
    return finish({ outcome: 'verified', status: statusForEvents(outcomes), verification, events: outcomes });
  }

  async function receive(read: () => Promise<WebhookRequest> | WebhookRequest): Promise<ReceiveResponse> {
    let request: WebhookRequest;
    try {
      request = await read();
    } catch (error) {
      return reject(reasonOf(error), error);
    }
    return handle(request);
  }

  return {
    handle,
    node: () => toNodeListener(receive, { maxBodyBytes, logger }),
    express: () => toExpressMiddleware(receive, { maxBodyBytes, logger }),
    fetch: () => toFetchHandler(receive, { maxBodyBytes }),
    lambda: () => toLambdaHandler(receive, { maxBodyBytes }),
  };
}
