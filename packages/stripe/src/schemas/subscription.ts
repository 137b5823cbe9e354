import { z } from 'zod';
import { expandable, expandedObjectSchema, metadataSchema, timestampSchema } from './common.js';

/** The fields of a subscription that `customer.subscription.*` events are usually read for. */
export const subscriptionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('subscription'),
  customer: expandable(expandedObjectSchema),
  status: z.string(),
  created: timestampSchema,
  cancel_at_period_end: z.boolean().optional(),
  canceled_at: timestampSchema.nullable().optional(),
  livemode: z.boolean(),
  metadata: metadataSchema.optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
