// zod schemas for the "ky + zod" client: the checks a hand-written integration would apply,
// of the same depth as the schemas Patchbay's service packages use for these responses.
import { z } from 'zod';

const nullableString = z.string().nullable().optional();

export const customerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  created: z.number().int(),
  email: nullableString,
  name: nullableString,
  phone: nullableString,
  description: nullableString,
  currency: nullableString,
  balance: z.number().int().optional(),
  delinquent: z.boolean().nullable().optional(),
  livemode: z.boolean(),
  metadata: z.record(z.string(), z.string()).optional(),
  invoice_prefix: nullableString,
  invoice_settings: z.looseObject({ default_payment_method: z.unknown().optional() }).optional(),
  address: z.unknown().optional(),
  shipping: z.unknown().optional(),
  discount: z.unknown().optional(),
});

export const crmObjectSchema = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

export const batchResponseSchema = z.looseObject({
  status: z.string().optional(),
  results: z.array(crmObjectSchema.extend({ objectWriteTraceId: z.string().optional() })),
  errors: z.array(z.looseObject({ category: z.string() })).optional(),
});
