import { computeGitHubSignature } from '../signing/github-signature.js';
import { computeStandardWebhooksSignature } from '../signing/standard-webhooks-signature.js';
import { computeStripeSignature, formatStripeSignatureHeader } from '../signing/stripe-signature.js';
import { githubSecretRules } from '../verify/github-verifier.js';
import { parseStandardWebhooksSecret } from '../verify/parse-standard-webhooks-secret.js';
import { normalizeSecrets } from '../verify/secrets.js';
import { standardWebhooksSecretRules } from '../verify/standard-webhooks-verifier.js';
import { stripeSecretRules } from '../verify/stripe-verifier.js';

/** Signature scheme the sender signs with. */
export type SendingScheme = 'standard-webhooks' | 'stripe' | 'github';

/** Returns the signature headers for one attempt. */
export type RequestSigner = (
  webhookId: string,
  timestampSeconds: number,
  body: Uint8Array,
) => Record<string, string>;

/**
 * Validates the secret for `scheme` (raising `InvalidSecretError`) and returns a signer. Every
 * scheme also sends `webhook-id` and `webhook-timestamp`, so receivers can deduplicate and log.
 */
export function createRequestSigner(scheme: SendingScheme, secret: string): RequestSigner {
  if (scheme === 'standard-webhooks') {
    const [configured] = normalizeSecrets(secret, { ...standardWebhooksSecretRules, option: 'secret' });
    const key = parseStandardWebhooksSecret(configured!.value).key as Uint8Array;
    return (webhookId, timestampSeconds, body) => ({
      'webhook-id': webhookId,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': `v1,${computeStandardWebhooksSignature(key, webhookId, timestampSeconds, body)}`,
    });
  }
  if (scheme === 'stripe') {
    normalizeSecrets(secret, { ...stripeSecretRules, option: 'secret' });
    return (webhookId, timestampSeconds, body) => ({
      'webhook-id': webhookId,
      'webhook-timestamp': String(timestampSeconds),
      'stripe-signature': formatStripeSignatureHeader(timestampSeconds, [
        computeStripeSignature(secret, timestampSeconds, body),
      ]),
    });
  }
  normalizeSecrets(secret, { ...githubSecretRules, option: 'secret' });
  return (webhookId, timestampSeconds, body) => ({
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestampSeconds),
    'x-hub-signature-256': computeGitHubSignature(secret, body),
  });
}
