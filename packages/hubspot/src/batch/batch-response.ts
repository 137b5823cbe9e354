import { z } from 'zod';
import { crmObjectSchema } from '../objects/crm-object.js';

// Batch endpoints return 200/201 when every input succeeded and 207 Multi-Status when some failed,
// with the failures in `errors` (https://developers.hubspot.com/docs/api-reference/error-handling).
export const batchItemErrorSchema = z.looseObject({
  status: z.string().optional(),
  category: z.string(),
  subCategory: z.string().optional(),
  message: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  errors: z.array(z.looseObject({ message: z.string().optional() })).optional(),
  objectWriteTraceId: z.string().optional(),
});

/** One failure HubSpot listed in a batch response. */
export type HubSpotBatchItemError = z.infer<typeof batchItemErrorSchema>;

export const batchRecordSchema = crmObjectSchema.extend({
  /** Set by batch upsert: whether the record was created. */
  new: z.boolean().optional(),
  objectWriteTraceId: z.string().optional(),
});

export type BatchRecord = z.infer<typeof batchRecordSchema>;

export const batchResponseSchema = z.looseObject({
  status: z.string().optional(),
  results: z.array(batchRecordSchema).default([]),
  errors: z.array(batchItemErrorSchema).optional(),
  numErrors: z.number().optional(),
});

export type BatchResponse = z.infer<typeof batchResponseSchema>;
