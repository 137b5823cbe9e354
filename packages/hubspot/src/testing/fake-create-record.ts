import { findAssociationType } from '../associations/association-types.js';
import type { ObjectType } from '../objects/object-types.js';
import type { AssociationTypeSpec } from './fake-association-store.js';
import type { RouteContext } from './fake-context.js';
import { validationError } from './fake-responses.js';
import type { FakeRecord } from './fake-store.js';

interface PendingLink {
  toType: ObjectType;
  toId: string;
  spec: AssociationTypeSpec;
}

/**
 * Checks the `associations` of a v3 create request before anything is written. HubSpot infers the
 * target type from each type id, so the id must be a HubSpot-defined type starting at `type`.
 */
function checkCreateLinks(context: RouteContext, type: ObjectType, associations: unknown): PendingLink[] {
  if (associations === undefined) return [];
  if (!Array.isArray(associations)) throw validationError('"associations" must be an array.');
  const links: PendingLink[] = [];
  for (const association of associations as Array<{ to?: { id?: unknown }; types?: unknown }>) {
    const types = Array.isArray(association.types) ? (association.types as AssociationTypeSpec[]) : [];
    if (types.length === 0) throw validationError('Each association needs at least one type.');
    for (const spec of types) {
      const entry = findAssociationType(spec.associationTypeId);
      if (!entry || entry.from !== type) {
        throw validationError(`${spec.associationTypeId} is not a valid association type id from ${type}.`);
      }
      const toId = String(association.to?.id ?? '');
      if (!context.store.find(entry.to, toId))
        throw validationError(`No ${entry.to} record with id ${toId} to associate.`);
      links.push({ toType: entry.to, toId, spec });
    }
  }
  return links;
}

/** Creates one record and its links; every check runs before the store changes. */
export function createRecord(
  context: RouteContext,
  type: ObjectType,
  input: Record<string, unknown>,
  properties = context.store.validate(type, input.properties ?? {}),
): FakeRecord {
  const links = checkCreateLinks(context, type, input.associations);
  const record = context.store.create(type, properties);
  for (const link of links) context.associations.add(type, record.id, link.toType, link.toId, link.spec);
  return record;
}
