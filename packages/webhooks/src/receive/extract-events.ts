import type { WebhookScheme } from '../errors/webhook-verification-error.js';
import type { VerifyResult } from '../verify/verifier-types.js';

/** One event of a delivery, before schema validation. */
export interface IncomingEvent {
  id: string | undefined;
  type: string | undefined;
  payload: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function hubspotEvent(item: unknown): IncomingEvent {
  const record = isRecord(item) ? item : {};
  return { id: idOf(record.eventId), type: textOf(record.subscriptionType), payload: item };
}

/**
 * Splits a parsed body into events with ids and types, or returns `undefined` when the body is not
 * the scheme's envelope. Stripe and Standard Webhooks send one object with a `type`. HubSpot sends
 * an array of events, each with `eventId` and `subscriptionType`. GitHub names the event in
 * `X-GitHub-Event`.
 */
export function extractEvents(
  scheme: WebhookScheme,
  payload: unknown,
  verification: VerifyResult,
  headers: Readonly<Record<string, string>>,
): IncomingEvent[] | undefined {
  switch (scheme) {
    case 'stripe':
      return isRecord(payload) ? [{ id: idOf(payload.id), type: textOf(payload.type), payload }] : undefined;
    case 'hubspot':
      if (Array.isArray(payload)) return payload.map(hubspotEvent);
      return isRecord(payload) ? [hubspotEvent(payload)] : undefined;
    case 'standard-webhooks':
      return isRecord(payload)
        ? [{ id: verification.webhookId, type: textOf(payload.type), payload }]
        : undefined;
    case 'github':
      return [{ id: verification.webhookId, type: textOf(headers['x-github-event']), payload }];
  }
}
