import { z } from 'zod';

// Property definitions as GET /crm/v3/properties/{objectType} returns them:
// https://developers.hubspot.com/docs/guides/api/crm/properties
export const propertyOptionSchema = z.looseObject({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().optional(),
  displayOrder: z.number().optional(),
});

export const propertyDefinitionSchema = z.looseObject({
  name: z.string(),
  label: z.string().optional(),
  /** `string`, `number`, `date` (midnight UTC), `datetime`, `enumeration`, `bool`, ... */
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  options: z.array(propertyOptionSchema).optional(),
  hasUniqueValue: z.boolean().optional(),
  calculated: z.boolean().optional(),
  modificationMetadata: z.looseObject({ readOnlyValue: z.boolean().optional() }).optional(),
});

export type PropertyDefinition = z.infer<typeof propertyDefinitionSchema>;

export const propertyListSchema = z.looseObject({ results: z.array(propertyDefinitionSchema) });

/** A property value as callers pass it; HubSpot receives every value as a string. */
export type PropertyValue = string | number | boolean | Date | null | readonly string[];

export type PropertyValues = Record<string, PropertyValue>;
