import { z } from 'zod';
import { timestampSchema } from '../schemas/common.js';
import { customerSchema } from '../schemas/customer.js';
import { invoiceSchema } from '../schemas/invoice.js';
import { paymentIntentSchema } from '../schemas/payment-intent.js';
import { subscriptionSchema } from '../schemas/subscription.js';

/** The request that caused an event; older API versions sent its id as a plain string. */
const eventRequestSchema = z.union([
  z.looseObject({ id: z.string().nullable(), idempotency_key: z.string().nullable().optional() }),
  z.string(),
  z.null(),
]);

function eventEnvelope<Type extends string, Data extends z.ZodType>(type: Type, object: Data) {
  return z.looseObject({
    id: z.string(),
    object: z.literal('event'),
    type: z.literal(type),
    api_version: z.string().nullable().optional(),
    created: timestampSchema,
    livemode: z.boolean(),
    pending_webhooks: z.number().int().optional(),
    request: eventRequestSchema.optional(),
    data: z.looseObject({
      object: object,
      /** The changed fields' values before the change, on `*.updated` events. */
      previous_attributes: z.record(z.string(), z.unknown()).optional(),
    }),
  });
}

/**
 * Schemas of the events a billing workflow reacts to, by type. Pass them to
 * `createWebhookReceiver` through {@link stripeEventHandlers}, or use one directly.
 * Event types: docs.stripe.com/api/events/types.
 */
export const stripeEventSchemas = {
  'payment_intent.succeeded': eventEnvelope('payment_intent.succeeded', paymentIntentSchema),
  'payment_intent.payment_failed': eventEnvelope('payment_intent.payment_failed', paymentIntentSchema),
  'invoice.paid': eventEnvelope('invoice.paid', invoiceSchema),
  'invoice.payment_failed': eventEnvelope('invoice.payment_failed', invoiceSchema),
  'invoice.finalized': eventEnvelope('invoice.finalized', invoiceSchema),
  'customer.created': eventEnvelope('customer.created', customerSchema),
  'customer.subscription.updated': eventEnvelope('customer.subscription.updated', subscriptionSchema),
} as const;

export type StripeEventSchemas = typeof stripeEventSchemas;
export type KnownStripeEventType = keyof StripeEventSchemas;

/** The parsed event of one known type, such as `StripeEventOf<'invoice.paid'>`. */
export type StripeEventOf<Type extends KnownStripeEventType> = z.infer<StripeEventSchemas[Type]>;

const knownTypes: ReadonlySet<string> = new Set(Object.keys(stripeEventSchemas));

/** An event of a type without its own schema: the envelope is checked, `data.object` is not. */
export const otherStripeEventSchema = z.looseObject({
  id: z.string(),
  object: z.literal('event'),
  type: z.string().refine((type) => !knownTypes.has(type), {
    message: 'this event type has its own schema, and the event did not match it',
  }),
  api_version: z.string().nullable().optional(),
  created: timestampSchema,
  livemode: z.boolean(),
  pending_webhooks: z.number().int().optional(),
  request: eventRequestSchema.optional(),
  data: z.looseObject({
    object: z.looseObject({ object: z.string().optional() }),
    previous_attributes: z.record(z.string(), z.unknown()).optional(),
  }),
});

/**
 * Any Stripe event: one of the known types, checked against its schema and narrowed by `type`,
 * or another type with only the envelope checked. An event of a known type whose object does not
 * match is rejected, never passed on as "other".
 */
export const stripeEventSchema = z.union([
  z.discriminatedUnion('type', [
    stripeEventSchemas['payment_intent.succeeded'],
    stripeEventSchemas['payment_intent.payment_failed'],
    stripeEventSchemas['invoice.paid'],
    stripeEventSchemas['invoice.payment_failed'],
    stripeEventSchemas['invoice.finalized'],
    stripeEventSchemas['customer.created'],
    stripeEventSchemas['customer.subscription.updated'],
  ]),
  otherStripeEventSchema,
]);
export type StripeEvent = z.infer<typeof stripeEventSchema>;
