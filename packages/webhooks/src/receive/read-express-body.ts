import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import {
  type BodyLimitOptions,
  DEFAULT_MAX_BODY_BYTES,
  type NodeRequestStream,
  readNodeRequestBody,
} from './read-node-body.js';

/** The parts of an Express request the adapter reads, so Express itself is not a dependency. */
export type ExpressLikeRequest = NodeRequestStream & {
  body?: unknown;
  /** Set to `true` by body-parser (`express.json()`, `express.urlencoded()`...) once it read the stream. */
  _body?: boolean;
  originalUrl?: string;
};

const parserDetail =
  'express.json() or another body parser ran before the webhook handler and consumed the body. ' +
  'Mount the webhook route before it, or give that route express.raw().';

function limited(bytes: Uint8Array, maxBodyBytes: number): Uint8Array {
  if (bytes.byteLength > maxBodyBytes) {
    throw new PayloadTooLargeError({ maxBodyBytes, receivedBytes: bytes.byteLength, detectedBy: 'stream' });
  }
  return bytes;
}

function isEmptyPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}

/**
 * Returns the raw body of an Express request. Uses `req.body` when `express.raw()` (a Buffer) or
 * `express.text()` (a string) produced it, reads the stream when no parser ran, and raises
 * {@link RawBodyRequiredError} when a parser already turned the body into an object.
 */
export async function readExpressRequestBody(
  request: ExpressLikeRequest,
  options: BodyLimitOptions = {},
): Promise<Uint8Array> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { body } = request;
  if (body instanceof Uint8Array) return limited(body, maxBodyBytes);
  if (typeof body === 'string') return limited(new TextEncoder().encode(body), maxBodyBytes);

  // body-parser 1.x sets `req.body = {}` even when it skips a request, so an empty object with an
  // unread stream still has its raw body available.
  const consumed = request._body === true || request.readableEnded;
  if (consumed || (body !== undefined && body !== null && !isEmptyPlainObject(body))) {
    throw new RawBodyRequiredError(Array.isArray(body) ? 'a parsed array' : 'a parsed object', {
      detail: parserDetail,
    });
  }
  return readNodeRequestBody(request, options);
}
