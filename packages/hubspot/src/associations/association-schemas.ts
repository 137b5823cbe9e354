import { z } from 'zod';
import { batchItemErrorSchema } from '../batch/batch-response.js';
import { pagingSchema } from '../objects/crm-object.js';

// Response shapes of the v4 associations API:
// https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4
const objectId = z.union([z.string(), z.number()]).transform(String);

export const associationLabelSchema = z.looseObject({
  category: z.string(),
  typeId: z.number(),
  label: z.string().nullable().optional(),
});

export const associatedObjectSchema = z.looseObject({
  toObjectId: objectId,
  associationTypes: z.array(associationLabelSchema),
});

export type AssociatedObject = z.infer<typeof associatedObjectSchema>;

export const associationListSchema = z.looseObject({
  results: z.array(associatedObjectSchema),
  paging: pagingSchema.optional(),
});

export const createdAssociationSchema = z.looseObject({
  fromObjectTypeId: z.string().optional(),
  fromObjectId: objectId,
  toObjectTypeId: z.string().optional(),
  toObjectId: objectId,
  labels: z.array(z.string().nullable()).optional(),
});

export const associationBatchCreateSchema = z.looseObject({
  status: z.string().optional(),
  results: z.array(createdAssociationSchema).default([]),
  errors: z.array(batchItemErrorSchema).optional(),
});

export const associationBatchReadSchema = z.looseObject({
  status: z.string().optional(),
  results: z.array(
    z.looseObject({
      from: z.looseObject({ id: objectId }),
      to: z.array(associatedObjectSchema),
      paging: pagingSchema.optional(),
    }),
  ),
  errors: z.array(batchItemErrorSchema).optional(),
});
