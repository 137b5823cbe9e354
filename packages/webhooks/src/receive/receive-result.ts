import type { WebhookErrorCode } from '../errors/webhook-verification-error.js';
import type { VerifyResult } from '../verify/verifier-types.js';

/** Outcome of one event of a verified request. */
export type EventOutcomeKind = 'handled' | 'duplicate' | 'ignored' | 'failed' | 'invalid' | 'in-progress';

export interface EventOutcome {
  outcome: EventOutcomeKind;
  id: string | undefined;
  type: string | undefined;
  /** The handler's error (`failed`) or the schema error (`invalid`). */
  error?: unknown;
  /** Handler run time in milliseconds (`handled` and `failed`). */
  durationMs?: number;
}

/**
 * Reason a whole request was rejected. It is a verification error code, or one of the receiver's
 * own reasons: a body that is not JSON or not the scheme's envelope, a configuration problem such
 * as a HubSpot verifier without a URL, a client that disconnected mid-body, or an unexpected error.
 */
export type RejectionReason =
  | WebhookErrorCode
  | 'invalid_json'
  | 'invalid_envelope'
  | 'configuration'
  | 'client_aborted'
  | 'internal_error';

export type ReceiveResult =
  | {
      outcome: 'rejected';
      status: number;
      reason: RejectionReason;
      error: unknown;
      /** Present when the signature was valid and the body was rejected afterwards. */
      verification?: VerifyResult;
    }
  | {
      outcome: 'verified';
      status: number;
      verification: VerifyResult;
      events: EventOutcome[];
    };

/** A framework-neutral response. */
export interface ReceiveResponse {
  status: number;
  /** Short plain-text body that names the failure class, never secrets or signatures. */
  body: string;
  result: ReceiveResult;
}

const rejectionStatus: Record<RejectionReason, number> = {
  missing_header: 400,
  malformed_header: 400,
  invalid_json: 400,
  invalid_envelope: 400,
  // The client closed the connection before the body was complete, so no one receives this response.
  client_aborted: 400,
  signature_mismatch: 401,
  timestamp_too_old: 401,
  timestamp_in_future: 401,
  payload_too_large: 413,
  // The application read or parsed the body before verification, or misconfigured the verifier.
  // 500 makes the sender retry, so the deliveries arrive once the setup is fixed.
  raw_body_required: 500,
  configuration: 500,
  internal_error: 500,
};

/** Returns the HTTP status the receiver sends for a rejected request. */
export function statusForRejection(reason: RejectionReason): number {
  return rejectionStatus[reason];
}

/**
 * Returns the HTTP status for a verified request. A failed handler gives 500, so the sender
 * retries and the events already handled are skipped as duplicates. Otherwise an event still being
 * processed by another request gives 409, an event that did not match its schema 400, and 200 is
 * the rest.
 */
export function statusForEvents(events: readonly EventOutcome[]): number {
  if (events.some((event) => event.outcome === 'failed')) return 500;
  if (events.some((event) => event.outcome === 'in-progress')) return 409;
  if (events.some((event) => event.outcome === 'invalid')) return 400;
  return 200;
}

/** Short plain-text response body for a status and rejection reason. */
export function responseText(status: number, reason?: RejectionReason): string {
  if (status === 200) return 'OK';
  if (status === 409) return 'Conflict: an event in this request is being processed; retry later';
  if (status === 413) return 'Payload Too Large';
  if (status === 500 && reason === undefined) return 'Internal Server Error: a handler failed; retry later';
  const label = { 400: 'Bad Request', 401: 'Unauthorized', 500: 'Internal Server Error' }[status] ?? 'Error';
  return reason === undefined ? label : `${label}: ${reason}`;
}
