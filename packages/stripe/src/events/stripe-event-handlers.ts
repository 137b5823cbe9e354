import type { WebhookEventContext, WebhookHandlers } from '@patchbay/webhooks';
import { type KnownStripeEventType, type StripeEventOf, stripeEventSchemas } from './stripe-event-schemas.js';

/** A handler function for one known event type; it receives the event parsed and typed. */
export type StripeEventHandlerFunction<Type extends KnownStripeEventType> = (
  event: StripeEventOf<Type>,
  context: WebhookEventContext,
) => void | Promise<void>;

/** Handler functions by known event type. */
export type StripeEventHandlerFunctions<Types extends KnownStripeEventType = KnownStripeEventType> = {
  [Type in Types]: StripeEventHandlerFunction<Type>;
};

/**
 * Pairs handler functions with this package's event schemas, in the shape
 * `createWebhookReceiver({ handlers })` takes. The receiver validates each event against its
 * schema before the handler runs and acknowledges types without a handler.
 */
export function stripeEventHandlers<Types extends KnownStripeEventType>(
  handlers: StripeEventHandlerFunctions<Types>,
): WebhookHandlers<{ [Type in Types]: (typeof stripeEventSchemas)[Type] }> {
  const result: Record<string, { schema: unknown; handle: unknown }> = {};
  for (const [type, handle] of Object.entries(handlers)) {
    if (typeof handle !== 'function') continue;
    if (!Object.hasOwn(stripeEventSchemas, type)) {
      throw new TypeError(
        `stripeEventHandlers has no schema for "${type}"; known types are ${Object.keys(stripeEventSchemas).join(', ')}.`,
      );
    }
    result[type] = { schema: stripeEventSchemas[type as KnownStripeEventType], handle };
  }
  return result as WebhookHandlers<{ [Type in Types]: (typeof stripeEventSchemas)[Type] }>;
}
