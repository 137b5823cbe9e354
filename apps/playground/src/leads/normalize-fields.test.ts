import { describe, expect, it } from 'vitest';
import {
  normalizeCompany,
  normalizeEmail,
  normalizeEmployees,
  normalizePhone,
  normalizeWebsite,
} from './normalize-fields.js';

describe('field normalization', () => {
  it.each([
    ['  Ada@Example.COM ', 'ada@example.com'],
    ['ada@example', undefined],
    ['ada example.com', undefined],
    ['', undefined],
  ])('email %j becomes %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ['(415) 555-0133', 'US', '+14155550133'],
    ['020 7946 0018', 'GB', '+442079460018'],
    ['+49 30 12345678', undefined, '+493012345678'],
  ])('phone %j in %s becomes %s', (input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ phone: expected, unparsed: false });
  });

  it('keeps a phone it cannot parse', () => {
    expect(normalizePhone('ask reception', 'BR')).toEqual({ phone: 'ask reception', unparsed: true });
  });

  it.each([
    ['http://www.Example.com/about?x=1', 'https://example.com', 'example.com'],
    ['example.co.uk/', 'https://example.co.uk', 'example.co.uk'],
    ['not a site', undefined, undefined],
  ])('website %j becomes %j', (input, website, domain) => {
    expect(normalizeWebsite(input)).toEqual({ website, domain });
  });

  it.each([
    ['ACME WIDGETS INC', 'Acme Widgets INC'],
    ['  "Globex,  LLC"  ', 'Globex, LLC'],
    ['IBM', 'IBM'],
    ['World Wide Web Consortium, Inc.', 'World Wide Web Consortium, Inc.'],
  ])('company %j becomes %j', (input, expected) => {
    expect(normalizeCompany(input)).toBe(expected);
  });

  it.each([
    ['250', 250],
    ['1,001-5,000', 1001],
    ['5000+', 5000],
    ['10k', 10_000],
    ['unknown', undefined],
  ])('employees %j becomes %j', (input, expected) => {
    expect(normalizeEmployees(input)).toBe(expected);
  });
});
