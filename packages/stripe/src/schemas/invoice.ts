import { z } from 'zod';
import { expandable, expandedObjectSchema, listSchema, metadataSchema, timestampSchema } from './common.js';

/**
 * Invoice statuses: `draft` until finalized, then `open` until `paid`, `void` or `uncollectible`.
 * Source: docs.stripe.com/invoicing/integration/workflow-transitions.
 */
export const invoiceStatuses = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** One line of an invoice; its shape changed across API versions, so only stable fields are read. */
export const invoiceLineItemSchema = z.looseObject({
  id: z.string(),
  object: z.literal('line_item'),
  amount: z.number().int(),
  currency: z.string(),
  description: z.string().nullable().optional(),
  quantity: z.number().int().nullable().optional(),
  metadata: metadataSchema.optional(),
});

/** An invoice. Fields: docs.stripe.com/api/invoices/object. */
export const invoiceSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoice'),
  customer: expandable(expandedObjectSchema).nullable(),
  status: z.enum(invoiceStatuses).nullable(),
  created: timestampSchema,
  currency: z.string(),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  amount_remaining: z.number().int(),
  total: z.number().int(),
  subtotal: z.number().int().optional(),
  attempt_count: z.number().int().optional(),
  attempted: z.boolean().optional(),
  auto_advance: z.boolean().optional(),
  collection_method: z.enum(['charge_automatically', 'send_invoice']),
  description: z.string().nullable().optional(),
  due_date: timestampSchema.nullable().optional(),
  number: z.string().nullable().optional(),
  hosted_invoice_url: z.string().nullable().optional(),
  invoice_pdf: z.string().nullable().optional(),
  customer_email: z.string().nullable().optional(),
  default_payment_method: expandable(expandedObjectSchema).nullable().optional(),
  lines: listSchema(invoiceLineItemSchema).optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.nullable().optional(),
  status_transitions: z
    .looseObject({
      finalized_at: timestampSchema.nullable().optional(),
      marked_uncollectible_at: timestampSchema.nullable().optional(),
      paid_at: timestampSchema.nullable().optional(),
      voided_at: timestampSchema.nullable().optional(),
    })
    .optional(),
  /** Removed in API version 2025-03-31; older versions and events carry it. */
  payment_intent: expandable(expandedObjectSchema).nullable().optional(),
  /** Removed in API version 2025-03-31; older versions and events carry it. */
  paid: z.boolean().optional(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** An invoice item: one amount waiting on, or attached to, an invoice. */
export const invoiceItemSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoiceitem'),
  amount: z.number().int(),
  currency: z.string(),
  customer: expandable(expandedObjectSchema),
  date: timestampSchema,
  description: z.string().nullable().optional(),
  invoice: expandable(expandedObjectSchema).nullable().optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.optional(),
  quantity: z.number().int().optional(),
});
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;
