import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import type { WebhookScheme } from '../errors/webhook-verification-error.js';

/**
 * A request body as it arrived: bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`) or a string, which
 * is encoded as UTF-8. A parsed JSON object is not a raw body.
 */
export type RawBody = Uint8Array | ArrayBuffer | string;

const encoder = new TextEncoder();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a parsed array';
  if (typeof value === 'object') return 'a parsed object';
  return `a value of type ${typeof value}`;
}

/** Returns the body's bytes, or raises {@link RawBodyRequiredError} for anything else. */
export function toRawBytes(body: unknown, scheme?: WebhookScheme): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return encoder.encode(body);
  throw new RawBodyRequiredError(describe(body), { scheme });
}

/** Concatenates byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const result = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
}
