/**
 * CRM object types this package works with, by the names HubSpot uses in paths. Type ids from
 * https://developers.hubspot.com/docs/guides/api/crm/understanding-the-crm#object-type-ids
 */
export const objectTypeIds = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
  line_items: '0-8',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
} as const;

export type ObjectType = keyof typeof objectTypeIds;

export const objectTypes = Object.keys(objectTypeIds) as ObjectType[];

/** Engagement types, whose records are ordered by `hs_timestamp`. */
export const engagementTypes = [
  'notes',
  'emails',
  'calls',
  'meetings',
  'tasks',
] as const satisfies ObjectType[];

export function isObjectType(value: string): value is ObjectType {
  return Object.hasOwn(objectTypeIds, value);
}
