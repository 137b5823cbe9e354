import { z } from 'zod';
import { expandable, expandedObjectSchema, metadataSchema, timestampSchema } from './common.js';

/** A payment method; card details arrive as brand and last four digits only. */
export const paymentMethodSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_method'),
  type: z.string(),
  created: timestampSchema,
  customer: expandable(expandedObjectSchema).nullable().optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.nullable().optional(),
  card: z
    .looseObject({
      brand: z.string().optional(),
      last4: z.string().optional(),
      exp_month: z.number().optional(),
      exp_year: z.number().optional(),
    })
    .nullable()
    .optional(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
