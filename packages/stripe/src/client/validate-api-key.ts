import { ConfigurationError } from '@patchbay/core';

/** The kind and mode an API key's prefix shows. */
export interface ApiKeyInfo {
  /** `secret` (sk_) keys can do everything; `restricted` (rk_) keys only what they were granted. */
  kind: 'secret' | 'restricted';
  /** Test-mode keys reach sandbox data; live-mode keys move real money. */
  mode: 'test' | 'live';
}

function reject(message: string): never {
  throw new ConfigurationError(message, { option: 'apiKey', service: 'stripe' });
}

/**
 * Checks that `apiKey` is a server-side Stripe key and reads its kind and mode from the prefix.
 * Publishable keys and webhook signing secrets are rejected with the credential to use instead.
 * Key prefixes: docs.stripe.com/keys ("Key types").
 */
export function validateApiKey(apiKey: unknown): ApiKeyInfo {
  if (typeof apiKey !== 'string' || apiKey === '') {
    reject(
      'apiKey is missing. Pass the secret key (sk_test_... or sk_live_...) or a restricted key (rk_...) from the Stripe Dashboard under Developers > API keys, usually from an environment variable such as STRIPE_SECRET_KEY.',
    );
  }
  if (/\s/.test(apiKey)) {
    reject(
      'apiKey contains whitespace (often a trailing newline or space from an environment file or secret store); remove it.',
    );
  }
  if (apiKey.startsWith('pk_')) {
    reject(
      'apiKey is a publishable key (pk_...), which only identifies your account to Stripe.js in the browser and cannot make server-side calls. Pass the secret key (sk_...) or a restricted key (rk_...) instead.',
    );
  }
  if (apiKey.startsWith('whsec_')) {
    reject(
      'apiKey is a webhook signing secret (whsec_...), which verifies incoming webhook signatures. Pass it to the Stripe webhook verifier from @patchbay/webhooks, and pass the secret key (sk_...) or a restricted key (rk_...) as apiKey.',
    );
  }

  const match = /^(sk|rk)_(test|live)_./.exec(apiKey);
  if (!match) {
    const prefix = apiKey.includes('_') ? `${apiKey.slice(0, apiKey.indexOf('_') + 1)}...` : 'no prefix';
    reject(
      `apiKey must start with sk_test_, sk_live_, rk_test_ or rk_live_; received a value with ${prefix === 'no prefix' ? prefix : `the prefix ${prefix}`}.`,
    );
  }
  return { kind: match[1] === 'sk' ? 'secret' : 'restricted', mode: match[2] === 'live' ? 'live' : 'test' };
}
