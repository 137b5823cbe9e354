import type { ObjectType } from '../objects/object-types.js';

/** One HubSpot-defined association type: a direction between two object types. */
export interface AssociationTypeEntry {
  from: ObjectType;
  to: ObjectType;
  typeId: number;
  /** `undefined` for the unlabeled (default) type of the pair. */
  label: string | undefined;
  /** The type id of the same link read from the other side. */
  inverseTypeId: number;
}

type Row = [from: ObjectType, to: ObjectType, typeId: number, inverseTypeId: number, label?: string];

// HubSpot-defined association type ids, both directions, from the v4 associations guide
// ("Association type ID values"):
// https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4#association-type-id-values
const rows: Row[] = [
  ['contacts', 'companies', 279, 280],
  ['companies', 'contacts', 280, 279],
  ['contacts', 'companies', 1, 2, 'Primary'],
  ['companies', 'contacts', 2, 1, 'Primary'],
  ['deals', 'contacts', 3, 4],
  ['contacts', 'deals', 4, 3],
  ['deals', 'companies', 341, 342],
  ['companies', 'deals', 342, 341],
  ['deals', 'companies', 5, 6, 'Primary'],
  ['companies', 'deals', 6, 5, 'Primary'],
  ['deals', 'line_items', 19, 20],
  ['line_items', 'deals', 20, 19],
  ['contacts', 'notes', 201, 202],
  ['notes', 'contacts', 202, 201],
  ['companies', 'notes', 189, 190],
  ['notes', 'companies', 190, 189],
  ['deals', 'notes', 213, 214],
  ['notes', 'deals', 214, 213],
  ['contacts', 'calls', 193, 194],
  ['calls', 'contacts', 194, 193],
  ['companies', 'calls', 181, 182],
  ['calls', 'companies', 182, 181],
  ['deals', 'calls', 205, 206],
  ['calls', 'deals', 206, 205],
  ['contacts', 'emails', 197, 198],
  ['emails', 'contacts', 198, 197],
  ['companies', 'emails', 185, 186],
  ['emails', 'companies', 186, 185],
  ['deals', 'emails', 209, 210],
  ['emails', 'deals', 210, 209],
  ['contacts', 'meetings', 199, 200],
  ['meetings', 'contacts', 200, 199],
  ['companies', 'meetings', 187, 188],
  ['meetings', 'companies', 188, 187],
  ['deals', 'meetings', 211, 212],
  ['meetings', 'deals', 212, 211],
  ['contacts', 'tasks', 203, 204],
  ['tasks', 'contacts', 204, 203],
  ['companies', 'tasks', 191, 192],
  ['tasks', 'companies', 192, 191],
  ['deals', 'tasks', 215, 216],
  ['tasks', 'deals', 216, 215],
];

/** Every HubSpot-defined association type in this package's table, both directions. */
export const hubSpotAssociationTypes: readonly AssociationTypeEntry[] = Object.freeze(
  rows.map(([from, to, typeId, inverseTypeId, label]) =>
    Object.freeze({ from, to, typeId, inverseTypeId, label }),
  ),
);

/** Returns the unlabeled type id HubSpot uses for `from → to`, or `undefined` when the pair is not in the table. */
export function defaultAssociationTypeId(from: string, to: string): number | undefined {
  return hubSpotAssociationTypes.find((entry) => entry.from === from && entry.to === to && !entry.label)
    ?.typeId;
}

/** Finds the HubSpot-defined entry whose type id is `typeId`. */
export function findAssociationType(typeId: number): AssociationTypeEntry | undefined {
  return hubSpotAssociationTypes.find((entry) => entry.typeId === typeId);
}

/** Lists the HubSpot-defined types valid for `from → to`. */
export function associationTypeIdsFor(from: string, to: string): AssociationTypeEntry[] {
  return hubSpotAssociationTypes.filter((entry) => entry.from === from && entry.to === to);
}
