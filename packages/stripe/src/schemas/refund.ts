import { z } from 'zod';
import { expandable, expandedObjectSchema, metadataSchema, timestampSchema } from './common.js';

/** A refund. Fields: docs.stripe.com/api/refunds/object. */
export const refundSchema = z.looseObject({
  id: z.string(),
  object: z.literal('refund'),
  amount: z.number().int(),
  currency: z.string(),
  created: timestampSchema,
  status: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  charge: expandable(expandedObjectSchema).nullable().optional(),
  payment_intent: expandable(expandedObjectSchema).nullable().optional(),
  metadata: metadataSchema.nullable().optional(),
});
export type Refund = z.infer<typeof refundSchema>;
