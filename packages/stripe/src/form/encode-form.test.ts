import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecodedFormValue, decodeForm } from './decode-form.js';
import { encodeForm, type FormValue } from './encode-form.js';

describe('encodeForm', () => {
  it('writes nested metadata with brackets', () => {
    expect(encodeForm({ metadata: { order: '42', region: 'eu west' } })).toBe(
      'metadata[order]=42&metadata[region]=eu%20west',
    );
  });

  it('indexes lists of objects and uses [] for scalar lists', () => {
    const body = encodeForm({
      line_items: [
        { price: 'price_1', quantity: 2 },
        { price: 'price_2', quantity: 1 },
      ],
      expand: ['customer', 'latest_charge'],
    });
    expect(body).toBe(
      'line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price]=price_2&line_items[1][quantity]=1&expand[]=customer&expand[]=latest_charge',
    );
  });

  it('sends booleans, numbers and dates as text', () => {
    expect(encodeForm({ confirm: true, off_session: false, amount: 1099 })).toBe(
      'confirm=true&off_session=false&amount=1099',
    );
    expect(encodeForm({ due_date: new Date('2026-01-02T03:04:05.900Z') })).toBe('due_date=1767323045');
  });

  it('skips undefined and {}, and sends null and [] empty', () => {
    expect(encodeForm({ description: undefined, name: 'Ann' })).toBe('name=Ann');
    expect(encodeForm({ description: null })).toBe('description=');
    expect(encodeForm({ metadata: null })).toBe('metadata=');
    expect(encodeForm({ metadata: {}, name: 'Ann' })).toBe('name=Ann');
    expect(encodeForm({ metadata: { note: undefined } })).toBe('');
    expect(encodeForm({ metadata: { stale: '' } })).toBe('metadata[stale]=');
    expect(encodeForm({ default_tax_rates: [] })).toBe('default_tax_rates=');
  });

  it('percent-encodes reserved characters in keys and values', () => {
    expect(encodeForm({ metadata: { 'a&b': 'x=y+z' } })).toBe('metadata[a%26b]=x%3Dy%2Bz');
    expect(encodeForm({ description: 'café ☕' })).toBe('description=caf%C3%A9%20%E2%98%95');
  });

  it('rejects values the wire format cannot carry', () => {
    expect(() => encodeForm({ amount: Number.NaN })).toThrow('amount is NaN');
    expect(() => encodeForm({ amount: Number.POSITIVE_INFINITY })).toThrow('finite numbers');
    expect(() => encodeForm({ metadata: { 'a[b]': 'x' } })).toThrow('square bracket');
    expect(() => encodeForm({ when: new Date(Number.NaN) })).toThrow('invalid Date');
    expect(() => encodeForm({ items: new Map() as never })).toThrow('plain object');
  });

  it('gives identical bytes for equal inputs', () => {
    const params = { amount: 500, currency: 'usd', metadata: { order: 'order-42' } };
    expect(encodeForm(params)).toBe(encodeForm({ ...params, metadata: { ...params.metadata } }));
  });
});

describe('decodeForm', () => {
  it('reads nested objects and lists', () => {
    expect(decodeForm('metadata[order]=42&expand[]=customer&expand[]=invoice')).toEqual({
      metadata: { order: '42' },
      expand: ['customer', 'invoice'],
    });
    expect(decodeForm('line_items[0][price]=p1&line_items[1][price]=p2&line_items[1][quantity]=3')).toEqual({
      line_items: [{ price: 'p1' }, { price: 'p2', quantity: '3' }],
    });
  });

  it('reads percent-encoded brackets and plus signs as other clients send them', () => {
    expect(decodeForm('metadata%5Border%5D=a+b&description=x%2By')).toEqual({
      metadata: { order: 'a b' },
      description: 'x+y',
    });
  });

  it('keeps empty values as empty strings', () => {
    expect(decodeForm('metadata=&name=')).toEqual({ metadata: '', name: '' });
    expect(decodeForm('?')).toEqual({});
  });
});

// Values as they arrive after a round trip: every scalar is text, and null and [] are "".
function wireForm(value: FormValue): DecodedFormValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  if (Array.isArray(value)) return value.length === 0 ? '' : value.map(wireForm);
  // The generators never produce an empty object, which the encoder would leave out.
  const entries = Object.entries(value as Record<string, FormValue>);
  return Object.fromEntries(entries.map(([key, item]) => [key, wireForm(item)]));
}

const keyArbitrary = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((key) => !/[[\]]/.test(key) && !/^\d+$/.test(key) && key !== '__proto__');
const scalarArbitrary = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
);
const { value: valueArbitrary } = fc.letrec<{ value: FormValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArbitrary,
    fc.array(scalarArbitrary, { minLength: 1, maxLength: 4 }),
    fc.array(fc.dictionary(keyArbitrary, tie('value'), { minKeys: 1, maxKeys: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.dictionary(keyArbitrary, tie('value'), { minKeys: 1, maxKeys: 4 }),
  ),
}));
const paramsArbitrary = fc.dictionary(keyArbitrary, valueArbitrary, { maxKeys: 5 });

describe('form round trip', () => {
  it('decodes what it encodes: metadata, lists and expand', () => {
    const params = {
      amount: 2000,
      currency: 'usd',
      customer: 'cus_123',
      metadata: { order_id: 'order 42', 'note&more': 'a=b' },
      line_items: [{ price: 'price_1', quantity: 1, tax_rates: ['txr_1', 'txr_2'] }],
      expand: ['customer', 'latest_charge'],
      confirm: true,
    };
    expect(decodeForm(encodeForm(params))).toEqual({
      amount: '2000',
      currency: 'usd',
      customer: 'cus_123',
      metadata: { order_id: 'order 42', 'note&more': 'a=b' },
      line_items: [{ price: 'price_1', quantity: '1', tax_rates: ['txr_1', 'txr_2'] }],
      expand: ['customer', 'latest_charge'],
      confirm: 'true',
    });
  });

  it('round-trips generated parameters', () => {
    fc.assert(
      fc.property(paramsArbitrary, (params) => {
        const expected = Object.fromEntries(
          Object.entries(params).map(([key, value]) => [key, wireForm(value)]),
        );
        expect(decodeForm(encodeForm(params))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('re-encodes a decoded body to the same bytes', () => {
    fc.assert(
      fc.property(paramsArbitrary, (params) => {
        const body = encodeForm(params);
        expect(encodeForm(decodeForm(body))).toBe(body);
      }),
      { numRuns: 300 },
    );
  });
});
