import { describe, expect, it } from 'vitest';
import {
  associationTypeIdsFor,
  defaultAssociationTypeId,
  findAssociationType,
  hubSpotAssociationTypes,
} from './association-types.js';
import { resolveAssociationTypes } from './resolve-association-types.js';

describe('association type table', () => {
  it('lists every type in both directions', () => {
    for (const entry of hubSpotAssociationTypes) {
      const inverse = findAssociationType(entry.inverseTypeId);
      expect(inverse, `inverse of ${entry.typeId}`).toBeDefined();
      expect(inverse?.from).toBe(entry.to);
      expect(inverse?.to).toBe(entry.from);
      expect(inverse?.inverseTypeId).toBe(entry.typeId);
    }
  });

  it('has unique type ids', () => {
    const ids = hubSpotAssociationTypes.map((entry) => entry.typeId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns the default types of the standard pairs', () => {
    expect(defaultAssociationTypeId('contacts', 'companies')).toBe(279);
    expect(defaultAssociationTypeId('companies', 'contacts')).toBe(280);
    expect(defaultAssociationTypeId('deals', 'companies')).toBe(341);
    expect(defaultAssociationTypeId('deals', 'contacts')).toBe(3);
    expect(defaultAssociationTypeId('contacts', 'deals')).toBe(4);
    expect(defaultAssociationTypeId('notes', 'contacts')).toBe(202);
    expect(defaultAssociationTypeId('notes', 'deals')).toBe(214);
    expect(defaultAssociationTypeId('deals', 'line_items')).toBe(19);
    expect(defaultAssociationTypeId('line_items', 'deals')).toBe(20);
    expect(defaultAssociationTypeId('contacts', 'tickets')).toBeUndefined();
  });

  it('lists labelled and unlabeled types of a pair', () => {
    expect(
      associationTypeIdsFor('contacts', 'companies').map((entry) => [entry.typeId, entry.label]),
    ).toEqual([
      [279, undefined],
      [1, 'Primary'],
    ]);
  });
});

describe('resolveAssociationTypes', () => {
  it('fills in the default type', () => {
    expect(resolveAssociationTypes('notes', 'deals', undefined)).toEqual([
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 },
    ]);
  });

  it('lets user-defined label ids through', () => {
    const custom = [{ associationCategory: 'USER_DEFINED' as const, associationTypeId: 279 }];
    expect(resolveAssociationTypes('deals', 'companies', custom)).toEqual(custom);
  });

  it('rejects a pair without a known default', () => {
    expect(() => resolveAssociationTypes('contacts', 'tickets', undefined)).toThrow(
      /No default association type/,
    );
  });
});
