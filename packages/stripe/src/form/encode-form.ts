/** A value Stripe accepts in a form-encoded request body or query string. */
export type FormValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly FormValue[]
  | { readonly [key: string]: FormValue };

/** Parameters of one request: the top level of a form body. */
export type FormParams = { readonly [key: string]: FormValue };

function isPlainObject(value: unknown): value is { readonly [key: string]: FormValue } {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Brackets stay literal so bodies read as Stripe's docs write them (`metadata[order]=42`); Stripe
// decodes `%5B`/`%5D` the same way.
function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

function scalarText(value: string | number | boolean | Date, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) throw new TypeError(`Form parameter ${name} is an invalid Date.`);
    return String(Math.floor(ms / 1000));
  }
  if (!Number.isFinite(value)) {
    throw new TypeError(`Form parameter ${name} is ${value}; Stripe accepts only finite numbers.`);
  }
  return String(value);
}

function checkKey(key: string, parent: string | undefined): string {
  if (key.includes('[') || key.includes(']')) {
    const where = parent === undefined ? 'Top-level form parameter' : `Form parameter ${parent}`;
    throw new TypeError(
      `${where} has the key "${key}", which contains a square bracket; bracket notation cannot carry it.`,
    );
  }
  return key;
}

function hasObjectItems(values: readonly FormValue[]): boolean {
  return values.some((item) => Array.isArray(item) || isPlainObject(item));
}

function appendValue(pairs: string[], name: string, value: FormValue): void {
  if (value === undefined) return;

  // Stripe reads an empty value as "unset": `description=` clears a field, `metadata[key]=` removes
  // one metadata key and `metadata=` removes all of them (docs.stripe.com/api/metadata).
  if (value === null) {
    pairs.push(`${encodeComponent(name)}=`);
    return;
  }

  if (Array.isArray(value)) {
    const items = value as readonly FormValue[];
    if (items.length === 0) {
      pairs.push(`${encodeComponent(name)}=`);
      return;
    }
    // Lists of objects need an index to group their fields (`line_items[0][price]`); lists of
    // scalars use `[]` (`expand[]=customer`).
    const indexed = hasObjectItems(items);
    for (const [index, item] of items.entries()) {
      appendValue(pairs, indexed ? `${name}[${index}]` : `${name}[]`, item);
    }
    return;
  }

  if (isPlainObject(value)) {
    // An empty object sends nothing, as Stripe's SDKs do, so `metadata: {}` changes no key; pass
    // `null` to unset every key.
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    for (const [key, item] of entries) appendValue(pairs, `${name}[${checkKey(key, name)}]`, item);
    return;
  }

  if (typeof value === 'object' && !(value instanceof Date)) {
    throw new TypeError(
      `Form parameter ${name} is a ${value.constructor?.name ?? 'non-plain object'}; pass a plain object.`,
    );
  }
  pairs.push(
    `${encodeComponent(name)}=${encodeComponent(scalarText(value as string | number | boolean | Date, name))}`,
  );
}

/**
 * Encodes parameters as `application/x-www-form-urlencoded` with Stripe's bracket notation:
 * nested objects become `metadata[key]=v`, lists of objects `line_items[0][price]=p`, lists of
 * scalars `expand[]=customer`. `undefined` and `{}` send nothing; `null`, `''` and `[]` send an
 * empty value, which unsets the field. Booleans send `true`/`false` and a `Date` sends Unix seconds.
 * Keys keep their insertion order, so equal inputs give byte-identical bodies.
 * Source: docs.stripe.com/api ("The API ... accepts form-encoded request bodies").
 */
export function encodeForm(params: FormParams): string {
  if (!isPlainObject(params)) throw new TypeError('encodeForm expects a plain object of parameters.');
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) appendValue(pairs, checkKey(key, undefined), value);
  return pairs.join('&');
}
