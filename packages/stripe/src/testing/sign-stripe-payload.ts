const encoder = new TextEncoder();

/** Hex HMAC-SHA256 of `message` keyed with the UTF-8 bytes of `secret`, through Web Crypto. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  let hex = '';
  for (const byte of signature) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Builds a `Stripe-Signature` header value for `payload`: `t=<seconds>,v1=<hex>`, where the
 * signature is HMAC-SHA256 keyed with the bytes of the whole `whsec_...` string (not
 * base64-decoded) over `"<t>.<payload>"`. Source: docs.stripe.com/webhooks#verify-manually.
 */
export async function signStripePayload(
  payload: string,
  secret: string,
  timestampSeconds: number,
): Promise<string> {
  return `t=${timestampSeconds},v1=${await hmacSha256Hex(secret, `${timestampSeconds}.${payload}`)}`;
}
