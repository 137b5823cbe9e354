import { findAssociationType } from '../associations/association-types.js';
import type { ObjectType } from '../objects/object-types.js';
import { validationError } from './fake-responses.js';

/** One directed link as the fake stores it; every link is stored in both directions. */
export interface FakeAssociation {
  fromType: ObjectType;
  fromId: string;
  toType: ObjectType;
  toId: string;
  category: string;
  typeId: number;
}

export interface AssociationTypeSpec {
  associationCategory: string;
  associationTypeId: number;
}

/** Links between records, checked against HubSpot's association type table. */
export class FakeAssociationStore {
  readonly links: FakeAssociation[] = [];

  /** Rejects a HubSpot-defined type id that does not belong to `fromType -> toType`, as HubSpot does. */
  check(fromType: ObjectType, toType: ObjectType, spec: AssociationTypeSpec): void {
    if (spec.associationCategory !== 'HUBSPOT_DEFINED') return;
    const entry = findAssociationType(spec.associationTypeId);
    if (!entry || entry.from !== fromType || entry.to !== toType) {
      throw validationError(
        `${spec.associationTypeId} is not a valid association type id for ${fromType} to ${toType}.`,
      );
    }
  }

  has(link: FakeAssociation): boolean {
    return this.links.some(
      (existing) =>
        existing.fromType === link.fromType &&
        existing.fromId === link.fromId &&
        existing.toType === link.toType &&
        existing.toId === link.toId &&
        existing.typeId === link.typeId,
    );
  }

  /** Adds a link and its inverse; adding an existing link changes nothing. */
  add(
    fromType: ObjectType,
    fromId: string,
    toType: ObjectType,
    toId: string,
    spec: AssociationTypeSpec,
  ): FakeAssociation {
    this.check(fromType, toType, spec);
    const inverseTypeId =
      findAssociationType(spec.associationTypeId)?.inverseTypeId ?? spec.associationTypeId;
    const link = {
      fromType,
      fromId,
      toType,
      toId,
      category: spec.associationCategory,
      typeId: spec.associationTypeId,
    };
    const inverse = {
      fromType: toType,
      fromId: toId,
      toType: fromType,
      toId: fromId,
      category: spec.associationCategory,
      typeId: inverseTypeId,
    };
    for (const entry of [link, inverse]) if (!this.has(entry)) this.links.push(entry);
    return link;
  }

  /** Links from one record to records of `toType`, grouped by target id in link order. */
  from(fromType: ObjectType, fromId: string, toType: ObjectType): Map<string, FakeAssociation[]> {
    const grouped = new Map<string, FakeAssociation[]>();
    for (const link of this.links) {
      if (link.fromType !== fromType || link.fromId !== fromId || link.toType !== toType) continue;
      grouped.set(link.toId, [...(grouped.get(link.toId) ?? []), link]);
    }
    return grouped;
  }

  /** Removes every link of a record, as archiving does. */
  removeRecord(type: ObjectType, id: string): void {
    for (let index = this.links.length - 1; index >= 0; index -= 1) {
      const link = this.links[index] as FakeAssociation;
      if ((link.fromType === type && link.fromId === id) || (link.toType === type && link.toId === id))
        this.links.splice(index, 1);
    }
  }
}
