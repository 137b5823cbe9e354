import { createHmac, type KeyObject } from 'node:crypto';

/**
 * Computes a GitHub-style `X-Hub-Signature-256` value: `sha256=` + hex HMAC-SHA256 of the raw body.
 * Source: GitHub docs, "Validating webhook deliveries".
 */
export function computeGitHubSignature(secret: string | KeyObject, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
