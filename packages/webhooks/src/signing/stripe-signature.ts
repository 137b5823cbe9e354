import { createHmac, type KeyObject } from 'node:crypto';

/**
 * Computes a Stripe `v1` signature: hex HMAC-SHA256 of `"<t>.<raw body>"`, keyed with the bytes of
 * the whole `whsec_...` string (Stripe does not base64-decode it). Source: Stripe docs, "Verify
 * webhook signatures manually" (docs.stripe.com/webhooks#verify-manually).
 */
export function computeStripeSignature(
  secret: string | KeyObject,
  timestampSeconds: number | string,
  body: Uint8Array,
): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8').update(body).digest('hex');
}

/** Formats a `Stripe-Signature` header value: `t=<seconds>,v1=<hex>[,v1=<hex>...]`. */
export function formatStripeSignatureHeader(timestampSeconds: number, signatures: readonly string[]): string {
  return [`t=${timestampSeconds}`, ...signatures.map((signature) => `v1=${signature}`)].join(',');
}
