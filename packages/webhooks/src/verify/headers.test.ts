import { describe, expect, it } from 'vitest';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { headersToRecord, readHeader } from './headers.js';

describe('readHeader', () => {
  it('reads Fetch Headers, Node headers and mixed-case records', () => {
    expect(readHeader(new Headers({ 'Stripe-Signature': 'a' }), 'stripe-signature', 'stripe')).toBe('a');
    expect(readHeader({ 'stripe-signature': ['a'] }, 'Stripe-Signature', 'stripe')).toBe('a');
    expect(readHeader({ 'STRIPE-SIGNATURE': ' a ' }, 'stripe-signature', 'stripe')).toBe('a');
  });

  it('treats empty and absent values as missing', () => {
    expect(readHeader({ 'stripe-signature': '  ' }, 'stripe-signature', 'stripe')).toBeUndefined();
    expect(readHeader({ 'stripe-signature': undefined }, 'stripe-signature', 'stripe')).toBeUndefined();
    expect(readHeader({}, 'stripe-signature', 'stripe')).toBeUndefined();
  });

  it('rejects a header sent twice with different values', () => {
    const headers = { 'Stripe-Signature': 'a', 'stripe-signature': 'b' };
    expect(() => readHeader(headers, 'stripe-signature', 'stripe', 'Stripe-Signature')).toThrow(
      MalformedHeaderError,
    );
    expect(readHeader({ 'stripe-signature': ['a', 'a'] }, 'stripe-signature', 'stripe')).toBe('a');
  });
});

describe('headersToRecord', () => {
  it('lower-cases names and joins repeated values', () => {
    expect(headersToRecord({ 'X-GitHub-Event': 'push', 'x-multi': ['a', 'b'] })).toEqual({
      'x-github-event': 'push',
      'x-multi': 'a, b',
    });
    expect(headersToRecord(new Headers({ 'X-A': '1' }))).toEqual({ 'x-a': '1' });
  });
});
