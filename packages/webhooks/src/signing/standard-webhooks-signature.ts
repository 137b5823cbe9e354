import { createHmac, type KeyObject } from 'node:crypto';

/**
 * Computes a Standard Webhooks `v1` signature: base64 HMAC-SHA256 of
 * `"<webhook-id>.<webhook-timestamp>.<raw body>"`, keyed with the base64-decoded secret.
 * Source: the Standard Webhooks specification, "Signature scheme" (standardwebhooks.com).
 */
export function computeStandardWebhooksSignature(
  key: Uint8Array | KeyObject,
  webhookId: string,
  timestampSeconds: number | string,
  body: Uint8Array,
): string {
  return createHmac('sha256', key)
    .update(`${webhookId}.${timestampSeconds}.`, 'utf8')
    .update(body)
    .digest('base64');
}
