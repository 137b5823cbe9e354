import type { DecodedForm, DecodedFormValue } from '../form/decode-form.js';
import { invalidParam, missingParam } from './fake-stripe-error.js';

/** Reads typed values out of a decoded form body and rejects invalid ones with Stripe's errors. */
export class FakeParams {
  constructor(readonly values: DecodedForm) {}

  has(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }

  raw(name: string): DecodedFormValue | undefined {
    return Object.hasOwn(this.values, name) ? this.values[name] : undefined;
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw invalidParam(name, `Invalid string: ${name} must be a string.`, 'parameter_invalid_string');
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missingParam(name);
    return value;
  }

  /** Returns a string, or `null` when the request sent an empty value to unset the field. */
  nullableString(name: string): string | null | undefined {
    const value = this.string(name);
    return value === '' ? null : value;
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw invalidParam(name, `Invalid integer: ${value}`, 'parameter_invalid_integer');
    }
    return Number(value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw invalidParam(name, `Invalid boolean: ${value}`);
    return value === 'true';
  }

  oneOf<Value extends string>(name: string, allowed: readonly Value[]): Value | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as Value)) {
      throw invalidParam(name, `Invalid ${name}: must be one of ${allowed.join(', ')}`);
    }
    return value as Value;
  }

  /** Returns the nested object at `name`, `undefined` when absent, or `null` for an empty value. */
  object(name: string): FakeParams | null | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value !== 'object' || Array.isArray(value))
      throw invalidParam(name, `Invalid object: ${name}`);
    return new FakeParams(value);
  }

  stringList(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined || value === '') return [];
    let items: DecodedFormValue[];
    if (Array.isArray(value)) items = value;
    else if (typeof value === 'object') items = Object.values(value);
    else items = [value];
    return items.map((item) => {
      if (typeof item !== 'string') throw invalidParam(name, `Invalid array of strings: ${name}`);
      return item;
    });
  }
}

/**
 * Applies metadata parameters with Stripe's semantics: keys are set, an empty value unsets a key
 * and an empty `metadata` unsets every key. Limits: 50 keys, 40-character keys, 500-character
 * values. Source: docs.stripe.com/api/metadata.
 */
export function applyMetadata(current: Record<string, string>, params: FakeParams): Record<string, string> {
  const raw = params.raw('metadata');
  if (raw === undefined) return current;
  if (raw === '') return {};
  if (typeof raw !== 'object') throw invalidParam('metadata', 'Invalid metadata: must be an object.');

  const entries = Array.isArray(raw)
    ? raw.map((value, index) => [String(index), value] as const)
    : Object.entries(raw);
  const next = { ...current };
  for (const [key, value] of entries) {
    if (typeof value !== 'string')
      throw invalidParam(`metadata[${key}]`, 'Invalid metadata value: must be a string.');
    if (key.length > 40)
      throw invalidParam(`metadata[${key}]`, 'Metadata keys can have up to 40 characters.');
    if (value.length > 500)
      throw invalidParam(`metadata[${key}]`, 'Metadata values can have up to 500 characters.');
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > 50) throw invalidParam('metadata', 'Metadata can have up to 50 keys.');
  return next;
}
