import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { InvalidSecretError } from '../errors/invalid-secret-error.js';
import type { WebhookScheme } from '../errors/webhook-verification-error.js';

/** A secret, optionally with a label that verification results report (such as `'platform'` or `'connect'`). */
export type SecretInput = string | { readonly secret: string; readonly label?: string };

/** A validated secret as a verifier stores it. */
export interface ConfiguredSecret {
  readonly value: string;
  /** The secret's UTF-8 bytes as a key object, made once so each HMAC skips converting the string. */
  readonly key: KeyObject;
  readonly label: string | undefined;
  readonly index: number;
  /** First 8 hex digits of the secret's SHA-256, which is safe to log and show in errors. */
  readonly fingerprint: string;
}

export interface SecretRules {
  scheme: WebhookScheme;
  /** Option name for error messages, such as `secrets` or `clientSecret`. */
  option: string;
  /** Name of the credential as the provider shows it, such as "Stripe webhook signing secret (whsec_...)". */
  credential: string;
  /** Scheme-specific check that returns a problem description, or `undefined` when the secret is acceptable. */
  check?: (secret: string) => string | undefined;
}

/** First 8 hex digits of the SHA-256 of `secret`. */
export function fingerprintSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

function describeWhitespace(secret: string): string | undefined {
  const leading = /^\s+/.exec(secret)?.[0];
  const trailing = /\s+$/.exec(secret)?.[0];
  if (!leading && !trailing) return undefined;
  const name = (whitespace: string) => (/[\r\n]/.test(whitespace) ? 'newline' : 'whitespace');
  const parts: string[] = [];
  if (leading) parts.push(`leading ${name(leading)}`);
  if (trailing) parts.push(`a trailing ${name(trailing)}`);
  return `has ${parts.join(' and ')}, usually copied from a file or an environment variable, so trim it`;
}

function unpack(input: unknown): { value: unknown; label: string | undefined } {
  if (typeof input === 'object' && input !== null && 'secret' in input) {
    const { secret, label } = input as { secret: unknown; label?: unknown };
    return { value: secret, label: typeof label === 'string' ? label : undefined };
  }
  return { value: input, label: undefined };
}

/**
 * Validates configured secrets and returns them with fingerprints. Raises
 * {@link InvalidSecretError} for an empty list, a non-string or empty secret, surrounding
 * whitespace, or whatever `rules.check` reports. Messages name the credential, never the secret.
 */
export function normalizeSecrets(
  input: SecretInput | readonly SecretInput[],
  rules: SecretRules,
): ConfiguredSecret[] {
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  const fail = (index: number, problem: string) =>
    new InvalidSecretError(`${rules.option}[${index}] ${problem}. Expected the ${rules.credential}.`, {
      scheme: rules.scheme,
      option: rules.option,
      secretIndex: index,
    });

  if (list.length === 0) {
    throw new InvalidSecretError(`${rules.option} is empty. Configure at least one ${rules.credential}.`, {
      scheme: rules.scheme,
      option: rules.option,
      secretIndex: 0,
    });
  }

  return list.map((item, index) => {
    const { value, label } = unpack(item);
    if (typeof value !== 'string')
      throw fail(index, `must be a string, got ${value === null ? 'null' : typeof value}`);
    if (value === '') throw fail(index, 'is empty');
    const whitespace = describeWhitespace(value);
    if (whitespace) throw fail(index, whitespace);
    const problem = rules.check?.(value);
    if (problem) throw fail(index, problem);
    return {
      value,
      key: createSecretKey(value, 'utf8'),
      label,
      index,
      fingerprint: fingerprintSecret(value),
    };
  });
}
