import { SignatureMismatchError } from '../errors/signature-mismatch-error.js';
import { computeStripeSignature } from '../signing/stripe-signature.js';
import { requireHeader } from './headers.js';
import { parseStripeSignatureHeader } from './parse-stripe-signature-header.js';
import { toRawBytes } from './raw-body.js';
import { normalizeSecrets, type SecretInput, type SecretRules } from './secrets.js';
import {
  checkTimestamp,
  resolveNowMs,
  resolveToleranceMs,
  type TimestampTolerance,
} from './timestamp-tolerance.js';
import { timingSafeEqualStrings } from './timing-safe-equal.js';
import type { WebhookVerifier } from './verifier-types.js';

export interface StripeVerifierOptions {
  /**
   * Endpoint signing secrets (`whsec_...`), one per endpoint whose events arrive here: during a
   * rotation the old and the new secret, or a platform and a Connect endpoint.
   */
  secrets: readonly SecretInput[];
  /**
   * Seconds the `t` timestamp may differ from now, in either direction.
   * Only `'disabled-i-understand-replay-risk'` turns the check off, and 0 or less is an error.
   * @default 300
   */
  toleranceSeconds?: TimestampTolerance;
}

function checkStripeSecret(secret: string): string | undefined {
  const apiKey = /^(sk|rk|pk)_(test|live)?/.exec(secret);
  if (apiKey) {
    const kind = { sk: 'a secret API key', rk: 'a restricted API key', pk: 'a publishable key' }[
      apiKey[1] as 'sk' | 'rk' | 'pk'
    ];
    return `is ${kind} (${apiKey[1]}_...), not a webhook signing secret. API keys authenticate calls to Stripe, while webhook signatures use the endpoint's signing secret`;
  }
  if (!secret.startsWith('whsec_'))
    return 'does not start with whsec_, so it is not a Stripe webhook signing secret';
  if (secret === 'whsec_') return 'has nothing after the whsec_ prefix';
  return undefined;
}

/** Validation rules for Stripe endpoint secrets, shared by the verifier and the sender. */
export const stripeSecretRules: Omit<SecretRules, 'option'> = {
  scheme: 'stripe',
  credential:
    'Stripe webhook signing secret (whsec_...), shown under Developers > Webhooks > your endpoint > Signing secret, or printed by `stripe listen`',
  check: checkStripeSecret,
};

/** Creates a verifier for Stripe's `Stripe-Signature` header. */
export function createStripeVerifier(options: StripeVerifierOptions): WebhookVerifier {
  const secrets = normalizeSecrets(options.secrets, { ...stripeSecretRules, option: 'secrets' });
  const toleranceMs = resolveToleranceMs(options.toleranceSeconds, 'stripe');

  return {
    scheme: 'stripe',
    verify(rawBody, headers, verifyOptions = {}) {
      const body = toRawBytes(rawBody, 'stripe');
      const parsed = parseStripeSignatureHeader(requireHeader(headers, 'Stripe-Signature', 'stripe'));

      const matched = secrets.find((secret) => {
        const expected = computeStripeSignature(secret.key, parsed.timestamp, body);
        return parsed.signatures.some((signature) => timingSafeEqualStrings(expected, signature));
      });
      if (!matched) {
        throw new SignatureMismatchError({
          scheme: 'stripe',
          header: 'Stripe-Signature',
          secretFingerprints: secrets.map((secret) => secret.fingerprint),
          signatureCount: parsed.signatures.length,
          hint: 'Each Stripe endpoint, and test and live mode, has its own signing secret.',
        });
      }

      if (toleranceMs !== undefined) {
        checkTimestamp({
          scheme: 'stripe',
          header: 'Stripe-Signature',
          timestampMs: parsed.timestampMs,
          nowMs: resolveNowMs(verifyOptions.now),
          toleranceMs,
        });
      }

      return {
        scheme: 'stripe',
        secretIndex: matched.index,
        secretLabel: matched.label,
        timestamp: new Date(parsed.timestampMs),
        webhookId: undefined,
      };
    },
  };
}
