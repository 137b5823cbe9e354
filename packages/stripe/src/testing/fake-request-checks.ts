import { FakeStripeError } from './fake-stripe-error.js';

/** Reads the API key from `Authorization: Bearer <key>` or Basic auth with the key as user name. */
export function readApiKey(headers: Record<string, string>, accepted: readonly string[] | undefined): string {
  const header = headers.authorization ?? '';
  let key: string | undefined;
  if (header.startsWith('Bearer ')) key = header.slice(7).trim();
  else if (header.startsWith('Basic ')) {
    try {
      key = atob(header.slice(6).trim()).split(':')[0];
    } catch {
      key = undefined;
    }
  }
  if (!key) {
    throw new FakeStripeError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  const masked = `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
  if (!/^(sk|rk)_(test|live)_\S+$/.test(key) || (accepted !== undefined && !accepted.includes(key))) {
    throw new FakeStripeError(401, {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: `Invalid API Key provided: ${masked}`,
    });
  }
  return key;
}

const versionPattern = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?(;[a-z0-9_]+=[a-z0-9_]+)*$/;

export function readApiVersion(headers: Record<string, string>, fallback: string): string {
  const version = headers['stripe-version'];
  if (version === undefined) return fallback;
  if (!versionPattern.test(version)) {
    throw new FakeStripeError(400, {
      type: 'invalid_request_error',
      message: `Invalid Stripe API version: ${version}`,
    });
  }
  return version;
}

export function readAccount(headers: Record<string, string>): string | undefined {
  const account = headers['stripe-account'];
  if (account === undefined) return undefined;
  if (!/^acct_\w+$/.test(account)) {
    throw new FakeStripeError(400, {
      type: 'invalid_request_error',
      message: `Invalid Stripe-Account header: ${account}`,
    });
  }
  return account;
}
