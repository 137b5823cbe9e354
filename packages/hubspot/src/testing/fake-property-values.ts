import type { PropertyDefinition } from '../properties/property-definition.js';
import { invalidProperty } from './fake-responses.js';

const dayMs = 86_400_000;

/**
 * Checks one written value against its definition and stores it as HubSpot does: dates and
 * datetimes as epoch milliseconds (dates at midnight UTC only), emails in lower case.
 */
export function normalizeValue(definition: PropertyDefinition, raw: unknown): string {
  const name = definition.name;
  const value = raw === null || raw === undefined ? '' : String(raw);
  if (value === '') return '';
  if (definition.type === 'date' || definition.type === 'datetime') {
    let ms = /^-?\d+$/.test(value)
      ? Number(value)
      : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(ms))
      throw invalidProperty(name, 'INVALID_DATE', `${value} is not a valid date or timestamp for ${name}.`);
    if (definition.type === 'date' && ms % dayMs !== 0) {
      throw invalidProperty(
        name,
        'INVALID_DATE',
        `${value} is at ${new Date(ms).toISOString()}, which is not midnight UTC, for the date property ${name}.`,
      );
    }
    ms = Math.trunc(ms);
    return String(ms);
  }
  if (definition.type === 'number' && !Number.isFinite(Number(value))) {
    throw invalidProperty(name, 'INVALID_INTEGER', `${value} is not a valid number for ${name}.`);
  }
  if (definition.type === 'bool' && value !== 'true' && value !== 'false') {
    throw invalidProperty(name, 'INVALID_BOOLEAN', `${value} is not a valid boolean for ${name}.`);
  }
  if (definition.type === 'enumeration' && definition.options && definition.options.length > 0) {
    const allowed = new Set(definition.options.map((option) => option.value));
    for (const part of value.split(';')) {
      if (!allowed.has(part))
        throw invalidProperty(
          name,
          'INVALID_OPTION',
          `${part} was not one of the allowed options: ${[...allowed].join(', ')}`,
        );
    }
  }
  return definition.name === 'email' ? value.toLowerCase() : value;
}
