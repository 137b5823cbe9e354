import { z } from 'zod';
import { expandable, expandedObjectSchema, metadataSchema, timestampSchema } from './common.js';

/** Payment intent statuses. Source: docs.stripe.com/payments/paymentintents/lifecycle. */
export const paymentIntentStatuses = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
] as const;
export type PaymentIntentStatus = (typeof paymentIntentStatuses)[number];

/** The last failed attempt on a payment intent; older events carry only some fields. */
export const paymentErrorSchema = z.looseObject({
  type: z.string(),
  code: z.string().nullable().optional(),
  decline_code: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  param: z.string().nullable().optional(),
  doc_url: z.string().nullable().optional(),
});

/** A payment intent. Fields: docs.stripe.com/api/payment_intents/object. */
export const paymentIntentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_intent'),
  /** In the currency's smallest unit. */
  amount: z.number().int(),
  amount_received: z.number().int().optional(),
  amount_capturable: z.number().int().optional(),
  currency: z.string(),
  status: z.enum(paymentIntentStatuses),
  created: timestampSchema,
  customer: expandable(expandedObjectSchema).nullable().optional(),
  description: z.string().nullable().optional(),
  /** Hand this to Stripe.js in the browser to confirm or authenticate; never log it. */
  client_secret: z.string().nullable().optional(),
  payment_method: expandable(expandedObjectSchema).nullable().optional(),
  latest_charge: expandable(expandedObjectSchema).nullable().optional(),
  last_payment_error: paymentErrorSchema.nullable().optional(),
  next_action: z.unknown().optional(),
  canceled_at: timestampSchema.nullable().optional(),
  cancellation_reason: z.string().nullable().optional(),
  capture_method: z.string().optional(),
  confirmation_method: z.string().optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.optional(),
  receipt_email: z.string().nullable().optional(),
  /** Removed in later API versions; older events still carry it. */
  invoice: expandable(expandedObjectSchema).nullable().optional(),
});
export type PaymentIntent = z.infer<typeof paymentIntentSchema>;
