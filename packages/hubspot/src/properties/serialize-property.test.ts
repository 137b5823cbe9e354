import { describe, expect, it } from 'vitest';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { PropertyDefinition } from './property-definition.js';
import { PropertyRegistry } from './property-registry.js';
import { serializePropertyValue } from './serialize-property.js';

const date: PropertyDefinition = { name: 'closedate', type: 'date' };
const datetime: PropertyDefinition = { name: 'hs_timestamp', type: 'datetime' };
const stage: PropertyDefinition = {
  name: 'lifecyclestage',
  type: 'enumeration',
  options: [
    { label: 'Lead', value: 'lead' },
    { label: 'Customer', value: 'customer' },
  ],
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return HubSpotValidationError.isInstance(error) ? (error.code as string) : 'not a validation error';
  }
  return undefined;
}

describe('date properties', () => {
  it('sends midnight UTC as epoch milliseconds', () => {
    expect(serializePropertyValue('closedate', new Date(Date.UTC(2026, 2, 5)), date)).toBe('1772668800000');
    expect(serializePropertyValue('closedate', '2026-03-05', date)).toBe('1772668800000');
    expect(serializePropertyValue('closedate', 1_772_668_800_000, date)).toBe('1772668800000');
  });

  it('rejects a date with a time part', () => {
    expect(
      codeOf(() => serializePropertyValue('closedate', new Date(Date.UTC(2026, 2, 5, 14, 30)), date)),
    ).toBe('DATE_HAS_TIME');
    expect(codeOf(() => serializePropertyValue('closedate', '2026-03-05T14:30:00Z', date))).toBe(
      'DATE_HAS_TIME',
    );
    expect(() => serializePropertyValue('closedate', new Date(Date.UTC(2026, 2, 5, 1)), date)).toThrow(
      'closedate is a date property, stored as midnight UTC, but 2026-03-05T01:00:00.000Z has a time of day',
    );
  });

  it('rejects numbers that look like epoch seconds', () => {
    expect(codeOf(() => serializePropertyValue('closedate', 1_772_668_800, date))).toBe('EPOCH_SECONDS');
    expect(codeOf(() => serializePropertyValue('hs_timestamp', 1_772_668_800, datetime))).toBe(
      'EPOCH_SECONDS',
    );
    expect(() => serializePropertyValue('closedate', 1_772_668_800, date)).toThrow('pass 1772668800000');
  });
});

describe('datetime properties', () => {
  it('keeps the time', () => {
    expect(serializePropertyValue('hs_timestamp', new Date('2026-03-05T14:30:00.123Z'), datetime)).toBe(
      '1772721000123',
    );
    expect(serializePropertyValue('hs_timestamp', '2026-03-05T14:30:00.123Z', datetime)).toBe(
      '1772721000123',
    );
  });

  it('rejects text that is not a timestamp', () => {
    expect(codeOf(() => serializePropertyValue('hs_timestamp', 'next tuesday', datetime))).toBe(
      'INVALID_TIMESTAMP',
    );
  });
});

describe('enumeration properties', () => {
  it('accepts known options', () => {
    expect(serializePropertyValue('lifecyclestage', 'customer', stage)).toBe('customer');
    expect(serializePropertyValue('lifecyclestage', ['lead', 'customer'], stage)).toBe('lead;customer');
  });

  it('rejects unknown options and lists the valid ones', () => {
    expect(() => serializePropertyValue('lifecyclestage', 'Customer', stage)).toThrow(
      'lifecyclestage does not allow "Customer"; valid values: lead, customer.',
    );
  });
});

describe('other values', () => {
  it('converts booleans, numbers and null', () => {
    expect(serializePropertyValue('flag', true, { name: 'flag', type: 'bool' })).toBe('true');
    expect(serializePropertyValue('amount', 12.5, { name: 'amount', type: 'number' })).toBe('12.5');
    expect(serializePropertyValue('amount', null, { name: 'amount', type: 'number' })).toBe('');
    expect(codeOf(() => serializePropertyValue('amount', 'twelve', { name: 'amount', type: 'number' }))).toBe(
      'INVALID_NUMBER',
    );
  });

  it('converts without checks when the definition is unknown', () => {
    expect(serializePropertyValue('anything', new Date(Date.UTC(2026, 0, 1, 8)), undefined)).toBe(
      '1767254400000',
    );
    expect(serializePropertyValue('anything', 3, undefined)).toBe('3');
  });
});

describe('PropertyRegistry', () => {
  it('rejects properties the object type does not have', () => {
    const registry = new PropertyRegistry(undefined as never, { deals: [date] });
    expect(() => registry.serialize('deals', { closedat: '2026-01-01' })).toThrow(
      'deals has no property "closedat"',
    );
    expect(registry.serialize('deals', { closedate: '2026-01-01' })).toEqual({ closedate: '1767225600000' });
    expect(registry.serialize('contacts', { whatever: 'x' })).toEqual({ whatever: 'x' });
  });
});
