/** Minimum decoded key length. The specification recommends 24 to 64 random bytes. */
export const MIN_STANDARD_WEBHOOKS_KEY_BYTES = 16;

/** The decoded key, or the problem with the secret as a sentence fragment. */
export type ParsedStandardWebhooksSecret =
  | { key: Uint8Array; problem?: undefined }
  | { key?: undefined; problem: string };

const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes a Standard Webhooks (or Svix) secret: an optional `whsec_` prefix followed by standard
 * base64. Padding may be omitted. Invalid base64, a key shorter than
 * {@link MIN_STANDARD_WEBHOOKS_KEY_BYTES}, or a `v1,` signature pasted in place of the secret is
 * reported as a problem, never decoded into a short or empty key.
 */
export function parseStandardWebhooksSecret(secret: string): ParsedStandardWebhooksSecret {
  if (/^v\d+[a-z]?,/.test(secret)) {
    return {
      problem:
        'starts with a signature version prefix such as "v1,", so it looks like a webhook-signature value rather than the signing secret',
    };
  }
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (encoded === '') return { problem: 'has no key after the whsec_ prefix' };

  const unpadded = encoded.replace(/=+$/, '');
  const paddingValid = encoded.length === unpadded.length || encoded.length % 4 === 0;
  if (!base64Pattern.test(encoded) || !paddingValid || unpadded.length % 4 === 1) {
    return {
      problem:
        'is not valid base64 after the optional whsec_ prefix (expected characters A-Z, a-z, 0-9, + and /)',
    };
  }

  const key = new Uint8Array(Buffer.from(unpadded, 'base64'));
  if (key.byteLength < MIN_STANDARD_WEBHOOKS_KEY_BYTES) {
    return {
      problem: `decodes to ${key.byteLength} bytes, fewer than the minimum of ${MIN_STANDARD_WEBHOOKS_KEY_BYTES}, so copy the complete secret`,
    };
  }
  return { key };
}
