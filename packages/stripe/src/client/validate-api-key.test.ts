import { ConfigurationError } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import { validateApiKey } from './validate-api-key.js';

function rejection(apiKey: unknown): ConfigurationError {
  try {
    validateApiKey(apiKey);
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`validateApiKey accepted ${String(apiKey)}`);
}

describe('validateApiKey', () => {
  it('reads kind and mode from the prefix', () => {
    expect(validateApiKey('sk_test_abc123')).toEqual({ kind: 'secret', mode: 'test' });
    expect(validateApiKey('sk_live_abc123')).toEqual({ kind: 'secret', mode: 'live' });
    expect(validateApiKey('rk_test_abc123')).toEqual({ kind: 'restricted', mode: 'test' });
    expect(validateApiKey('rk_live_abc123')).toEqual({ kind: 'restricted', mode: 'live' });
  });

  it('names the right credential for a publishable key', () => {
    const error = rejection('pk_live_abc123');
    expect(error.option).toBe('apiKey');
    expect(error.message).toContain('publishable key (pk_...)');
    expect(error.message).toContain('secret key (sk_...)');
  });

  it('names the right credential for a webhook signing secret', () => {
    const error = rejection('whsec_abc123');
    expect(error.message).toContain('webhook signing secret (whsec_...)');
    expect(error.message).toContain('webhook verifier');
  });

  it('rejects whitespace anywhere in the key', () => {
    for (const key of ['sk_test_abc\n', ' sk_test_abc', 'sk_test_a bc']) {
      expect(rejection(key).message).toContain('whitespace');
    }
  });

  it('rejects missing and unknown keys without echoing them', () => {
    expect(rejection(undefined).message).toContain('apiKey is missing');
    expect(rejection('').message).toContain('apiKey is missing');
    const unknown = rejection('sk_prod_secretvalue');
    expect(unknown.message).toContain('the prefix sk_...');
    expect(unknown.message).not.toContain('secretvalue');
    expect(rejection('plainsecret').message).toContain('no prefix');
    expect(rejection('sk_test_').message).toContain('must start with');
  });
});
