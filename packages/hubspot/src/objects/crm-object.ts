import { z } from 'zod';

// A CRM record as the v3 objects endpoints return it; HubSpot sends every property value as a
// string or null. https://developers.hubspot.com/docs/guides/api/crm/understanding-the-crm
export const crmObjectSchema = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
});

export type CrmObject = z.infer<typeof crmObjectSchema>;

export const pagingSchema = z.looseObject({
  next: z.looseObject({ after: z.string(), link: z.string().optional() }).optional(),
});

export const objectPageSchema = z.looseObject({
  results: z.array(crmObjectSchema),
  paging: pagingSchema.optional(),
});

export type ObjectPage = z.infer<typeof objectPageSchema>;

/** Per-call options every operation accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}
