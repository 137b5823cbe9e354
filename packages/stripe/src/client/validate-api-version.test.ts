import { describe, expect, it } from 'vitest';
import { validateApiVersion } from './validate-api-version.js';

describe('validateApiVersion', () => {
  it('accepts dated versions with or without a release name or beta flags', () => {
    expect(validateApiVersion('2026-07-29.dahlia')).toBe('2026-07-29.dahlia');
    expect(validateApiVersion('2024-06-20')).toBe('2024-06-20');
    expect(validateApiVersion('2020-08-27;search_api_beta=v1')).toBe('2020-08-27;search_api_beta=v1');
  });

  it('requires a version', () => {
    expect(() => validateApiVersion(undefined)).toThrow('apiVersion is required');
    expect(() => validateApiVersion('  ')).toThrow('apiVersion is required');
  });

  it('rejects other formats and impossible dates', () => {
    for (const version of [
      'latest',
      '2026-13-01',
      '2026-07-32',
      '26-07-29',
      '2026-07-29.Dahlia',
      '2026-07-29 ',
    ]) {
      expect(() => validateApiVersion(version), version).toThrow('must be a Stripe API version');
    }
  });
});
