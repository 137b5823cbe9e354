import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import type { WebhookScheme } from '../errors/webhook-verification-error.js';

/**
 * Request headers in any of the usual shapes: a Fetch `Headers`, a Node `IncomingHttpHeaders`
 * object (lower-case names, `string | string[]` values), or a plain record with names in any case.
 */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | NodeJS.Dict<string | string[]>;

function isFetchHeaders(headers: unknown): headers is Headers {
  return typeof headers === 'object' && headers !== null && typeof (headers as Headers).get === 'function';
}

function pushValue(values: string[], value: unknown): void {
  if (typeof value === 'string') values.push(value);
  else if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string') values.push(item);
  }
}

function isOtherSpelling(name: string, lowerName: string): boolean {
  return name.length === lowerName.length && name !== lowerName && name.toLowerCase() === lowerName;
}

function hasOtherSpelling(record: object, lowerName: string): boolean {
  for (const name in record) if (isOtherSpelling(name, lowerName)) return true;
  return false;
}

function valuesOf(headers: HeadersInput, lowerName: string): string[] {
  if (isFetchHeaders(headers)) {
    const value = headers.get(lowerName);
    return value === null ? [] : [value];
  }
  if (typeof headers !== 'object' || headers === null) return [];

  // Node's req.headers and most records already use lower-case names, so that key is read
  // directly. The loop then lower-cases only names of the same length, to catch other spellings.
  const record = headers as Readonly<Record<string, unknown>>;
  const values: string[] = [];
  pushValue(values, record[lowerName]);
  for (const name in record) {
    if (isOtherSpelling(name, lowerName)) pushValue(values, record[name]);
  }
  return values;
}

/**
 * Reads one header by case-insensitive name and returns it with surrounding whitespace removed,
 * or `undefined` when it is absent or empty. A header given several times with different values
 * raises {@link MalformedHeaderError}, because a signed request carries each of these headers once.
 */
export function readHeader(
  headers: HeadersInput,
  name: string,
  scheme: WebhookScheme,
  displayName: string = name,
): string | undefined {
  const lowerName = name.toLowerCase();
  // Fast path for the usual case: a record holding the name once, as a string, in lower case.
  if (!isFetchHeaders(headers) && typeof headers === 'object' && headers !== null) {
    const direct = (headers as Readonly<Record<string, unknown>>)[lowerName];
    if ((direct === undefined || typeof direct === 'string') && !hasOtherSpelling(headers, lowerName)) {
      const value = direct?.trim();
      return value === '' ? undefined : value;
    }
  }
  const raw = valuesOf(headers, lowerName);
  if (raw.length <= 1) {
    const value = raw[0]?.trim();
    return value === '' ? undefined : value;
  }
  const values = [...new Set(raw.map((value) => value.trim()))].filter((value) => value !== '');
  if (values.length > 1) {
    throw new MalformedHeaderError(
      displayName,
      `was sent ${values.length} times with different values, but a signed webhook request carries it once.`,
      { scheme },
    );
  }
  return values[0];
}

/** Copies headers into a plain record with lower-case names, joining repeated values with ", ". */
export function headersToRecord(headers: HeadersInput): Record<string, string> {
  const record: Record<string, string> = {};
  if (isFetchHeaders(headers)) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
    return record;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const lower = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    record[lower] = record[lower] === undefined ? text : `${record[lower]}, ${text}`;
  }
  return record;
}

/** Reads a header like {@link readHeader} and raises {@link MissingHeaderError} when it is absent or empty. */
export function requireHeader(
  headers: HeadersInput,
  displayName: string,
  scheme: WebhookScheme,
  hint?: string,
): string {
  const value = readHeader(headers, displayName.toLowerCase(), scheme, displayName);
  if (value === undefined) throw new MissingHeaderError(displayName, { scheme, ...(hint ? { hint } : {}) });
  return value;
}
