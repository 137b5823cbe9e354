import { z } from 'zod';
import { expandable, expandedObjectSchema, metadataSchema, timestampSchema } from './common.js';

/** A customer. Fields: docs.stripe.com/api/customers/object. */
export const customerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  created: timestampSchema,
  email: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  currency: z.string().nullable().optional(),
  balance: z.number().int().optional(),
  delinquent: z.boolean().nullable().optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.optional(),
  invoice_prefix: z.string().nullable().optional(),
  invoice_settings: z
    .looseObject({ default_payment_method: expandable(expandedObjectSchema).nullable().optional() })
    .optional(),
  // Shapes that changed between API versions are kept as they arrive.
  address: z.unknown().optional(),
  shipping: z.unknown().optional(),
  discount: z.unknown().optional(),
  default_source: z.unknown().optional(),
  test_clock: z.unknown().optional(),
});
export type Customer = z.infer<typeof customerSchema>;

/** A deleted customer, as retrieving one returns it. */
export const deletedCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  deleted: z.literal(true),
});
export type DeletedCustomer = z.infer<typeof deletedCustomerSchema>;
