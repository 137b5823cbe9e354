import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { PropertyDefinition, PropertyValue } from './property-definition.js';

const dayMs = 86_400_000;
// Epoch milliseconds below 1e11 fall before March 1973, while epoch seconds reach 1e11 only in
// the year 5138: such a number is taken as seconds sent by mistake.
const smallestEpochMs = 1e11;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function fail(field: string, code: string, message: string): never {
  throw new HubSpotValidationError(message, { field: `properties.${field}`, code });
}

function epochMsFromNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value))
    fail(name, 'INVALID_TIMESTAMP', `${name} must be whole epoch milliseconds; received ${value}.`);
  if (Math.abs(value) < smallestEpochMs) {
    fail(
      name,
      'EPOCH_SECONDS',
      `${name} received ${value}, which looks like epoch seconds; HubSpot reads epoch milliseconds, so pass ${value * 1000} or a Date.`,
    );
  }
  return value;
}

function toEpochMs(name: string, value: PropertyValue): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) fail(name, 'INVALID_TIMESTAMP', `${name} received an invalid Date.`);
    return ms;
  }
  if (typeof value === 'number') return epochMsFromNumber(name, value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return epochMsFromNumber(name, Number(value));
  if (typeof value === 'string') {
    const ms = isoDate.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
    if (Number.isNaN(ms)) {
      fail(
        name,
        'INVALID_TIMESTAMP',
        `${name} received "${value}", which is neither an ISO 8601 date nor a timestamp.`,
      );
    }
    return ms;
  }
  return fail(name, 'INVALID_TIMESTAMP', `${name} needs a Date, epoch milliseconds or an ISO 8601 string.`);
}

/**
 * Serializes a `date` property, a calendar day that HubSpot stores as midnight UTC epoch
 * milliseconds, rejecting other times
 * (https://developers.hubspot.com/docs/guides/api/crm/properties#date-and-datetime-properties).
 */
function serializeDate(name: string, value: PropertyValue): string {
  const ms = toEpochMs(name, value);
  if (ms % dayMs !== 0) {
    const shown = new Date(ms).toISOString();
    fail(
      name,
      'DATE_HAS_TIME',
      `${name} is a date property, stored as midnight UTC, but ${shown} has a time of day; pass ` +
        `Date.UTC(year, monthIndex, day) or "${shown.slice(0, 10)}", or make the property a datetime.`,
    );
  }
  return String(ms);
}

function serializeEnumeration(name: string, value: PropertyValue, definition: PropertyDefinition): string {
  const values = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(';')
      : [String(value)];
  const options = definition.options ?? [];
  if (options.length > 0) {
    const allowed = new Set(options.map((option) => option.value));
    const invalid = values.filter((entry) => entry !== '' && !allowed.has(entry));
    if (invalid.length > 0) {
      fail(
        name,
        'INVALID_OPTION',
        `${name} does not allow ${invalid.map((entry) => `"${entry}"`).join(', ')}; valid values: ` +
          `${options.map((option) => option.value).join(', ')}.`,
      );
    }
  }
  return values.join(';');
}

function serializePlain(value: PropertyValue): string {
  if (value instanceof Date) return String(value.getTime());
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/**
 * Turns one property value into the string HubSpot stores. With a definition, the value is
 * checked against the property's type and options. Without one, Dates become epoch milliseconds
 * and other values their text. `null` clears the property (HubSpot's empty string).
 */
export function serializePropertyValue(
  name: string,
  value: PropertyValue,
  definition: PropertyDefinition | undefined,
): string {
  if (value === null) return '';
  if (!definition) return serializePlain(value);

  switch (definition.type) {
    case 'date':
      return serializeDate(name, value);
    case 'datetime':
      return String(toEpochMs(name, value));
    case 'enumeration':
      return serializeEnumeration(name, value, definition);
    case 'bool':
      if (typeof value === 'boolean') return String(value);
      if (value === 'true' || value === 'false') return value;
      return fail(name, 'INVALID_BOOLEAN', `${name} is a boolean property; pass true or false.`);
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
      return fail(name, 'INVALID_NUMBER', `${name} is a number property; received ${JSON.stringify(value)}.`);
    default:
      return serializePlain(value);
  }
}
