import type { z } from 'zod';
import type { WebhookScheme } from '../errors/webhook-verification-error.js';
import type { VerifyResult } from '../verify/verifier-types.js';

/** What a handler learns about the event besides its payload. */
export interface WebhookEventContext {
  /** Event id used for deduplication (Stripe `id`, HubSpot `eventId`, `webhook-id`, `X-GitHub-Delivery`). */
  id: string | undefined;
  /** Event type the handler was chosen by. */
  type: string;
  scheme: WebhookScheme;
  verification: VerifyResult;
  /** Request headers with lower-case names. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Handles one event type. The receiver validates the event with `schema` and passes the parsed
 * value to `handle`. A `handle` that throws makes the receiver answer 500, so the sender retries.
 */
export interface WebhookHandler<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  handle: (event: z.output<Schema>, context: WebhookEventContext) => void | Promise<void>;
}

/** Handlers by event type. Each handler's event type is inferred from its own schema. */
export type WebhookHandlers<Schemas extends Record<string, z.ZodType>> = {
  [Type in keyof Schemas]: WebhookHandler<Schemas[Type]>;
};

/** Builds a {@link WebhookHandler}, inferring the event type of `handle` from `schema`. */
export function defineWebhookHandler<Schema extends z.ZodType>(
  schema: Schema,
  handle: WebhookHandler<Schema>['handle'],
): WebhookHandler<Schema> {
  return { schema, handle };
}
