import { z } from 'zod';

// The error body HubSpot returns on failed requests:
// https://developers.hubspot.com/docs/api-reference/error-handling
// 429 bodies add `policyName` and `errorType`:
// https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
export const hubSpotErrorDetailSchema = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  subCategory: z.string().optional(),
  in: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});

export const hubSpotErrorBodySchema = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  correlationId: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.string().optional(),
  errors: z.array(hubSpotErrorDetailSchema).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  links: z.record(z.string(), z.string()).optional(),
  policyName: z.string().optional(),
  errorType: z.string().optional(),
});

export type HubSpotErrorBody = z.infer<typeof hubSpotErrorBodySchema>;

/** Reads a HubSpot error body, or returns `undefined` when the body has another shape. */
export function readHubSpotErrorBody(body: unknown): HubSpotErrorBody | undefined {
  const parsed = hubSpotErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
