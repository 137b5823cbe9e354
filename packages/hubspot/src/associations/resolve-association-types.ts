import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { AssociationTypeInput } from './association-type-input.js';
import { associationTypeIdsFor, defaultAssociationTypeId, findAssociationType } from './association-types.js';

function describeValid(from: string, to: string): string {
  const valid = associationTypeIdsFor(from, to);
  if (valid.length === 0) return `this package knows no HubSpot-defined type for ${from} -> ${to}`;
  return `valid HubSpot-defined types for ${from} -> ${to}: ${valid
    .map((entry) => `${entry.typeId}${entry.label ? ` (${entry.label})` : ' (unlabeled)'}`)
    .join(', ')}`;
}

/**
 * Checks the association types of one link before it is sent. An empty list is rejected. So is a
 * HubSpot-defined type id of another pair or of the opposite direction, because HubSpot would
 * then link the wrong relationship or fail. Omitted types resolve to the pair's unlabeled type.
 * User- and integrator-defined ids (custom labels) are not checked.
 */
export function resolveAssociationTypes(
  from: string,
  to: string,
  types: readonly AssociationTypeInput[] | undefined,
): AssociationTypeInput[] {
  if (types === undefined) {
    const typeId = defaultAssociationTypeId(from, to);
    if (typeId === undefined) {
      throw new HubSpotValidationError(
        `No default association type is known for ${from} -> ${to}; pass types.`,
        {
          field: 'types',
          code: 'NO_DEFAULT_ASSOCIATION_TYPE',
        },
      );
    }
    return [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }];
  }
  if (types.length === 0) {
    throw new HubSpotValidationError(
      `types for ${from} -> ${to} is empty; list at least one association type, or omit types to use HubSpot's default (unlabeled) type.`,
      { field: 'types', code: 'EMPTY_ASSOCIATION_TYPES' },
    );
  }
  for (const type of types) {
    if (type.associationCategory !== 'HUBSPOT_DEFINED') continue;
    const entry = findAssociationType(type.associationTypeId);
    if (entry && (entry.from !== from || entry.to !== to)) {
      throw new HubSpotValidationError(
        `Association type ${type.associationTypeId} links ${entry.from} -> ${entry.to}, not ${from} -> ${to}; ${describeValid(from, to)}.`,
        { field: 'types', code: 'WRONG_ASSOCIATION_DIRECTION' },
      );
    }
  }
  return [...types];
}
