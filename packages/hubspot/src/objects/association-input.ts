import type { AssociationTypeInput } from '../associations/association-type-input.js';
import { resolveAssociationTypes } from '../associations/resolve-association-types.js';
import type { ObjectType } from './object-types.js';

/** A record to link a new record to, by type and id; `types` defaults to HubSpot's unlabeled type. */
export interface AssociateWith {
  objectType: ObjectType;
  id: string;
  types?: AssociationTypeInput[];
}

/** The `associations` entry of a create request, as HubSpot reads it. */
export interface AssociationCreateInput {
  to: { id: string };
  types: AssociationTypeInput[];
}

/** Resolves `associateWith` entries into the create request's `associations`, checking each direction. */
export function toAssociationInputs(
  from: ObjectType,
  targets: readonly AssociateWith[],
): AssociationCreateInput[] {
  return targets.map((target) => ({
    to: { id: target.id },
    types: resolveAssociationTypes(from, target.objectType, target.types),
  }));
}
