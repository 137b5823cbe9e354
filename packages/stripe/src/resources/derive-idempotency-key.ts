/**
 * Derives a stable idempotency key from parts that identify one logical write: the same parts
 * always give the same key, in any process. Stripe keys are at most 255 characters
 * (docs.stripe.com/api/idempotent_requests); the result is the prefix plus 64 hex characters.
 */
export async function deriveIdempotencyKey(prefix: string, ...parts: string[]): Promise<string> {
  const bytes = new TextEncoder().encode(parts.map((part) => `${part.length}:${part}`).join('|'));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `${prefix}-${hex}`;
}
