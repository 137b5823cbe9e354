import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { AbortError } from '@patchbay/core';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { concatBytes } from '../verify/raw-body.js';

/** Default body size limit, in bytes (1 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface BodyLimitOptions {
  /** Largest body accepted, in bytes. Larger requests get 413 and the rest is not read. @default 1048576 */
  maxBodyBytes?: number;
}

/** Raises {@link PayloadTooLargeError} when a Content-Length header announces more than the limit. */
export function checkContentLength(value: string | string[] | null | undefined, maxBodyBytes: number): void {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === null || !/^\d+$/.test(text.trim())) return;
  const length = Number(text.trim());
  if (length > maxBodyBytes) {
    throw new PayloadTooLargeError({ maxBodyBytes, receivedBytes: length, detectedBy: 'content-length' });
  }
}

/** A readable request, such as Node's `IncomingMessage`. */
export type NodeRequestStream = Readable & { headers?: IncomingHttpHeaders };

/**
 * Reads a request stream into one byte array. Chunks are kept as bytes and joined at the end, so a
 * multibyte UTF-8 character split across chunks stays intact. Content-Length is checked before
 * reading. While streaming, bytes are counted, and once the limit is crossed the stream is paused
 * and the rest is left unread.
 */
export function readNodeRequestBody(
  request: NodeRequestStream,
  options: BodyLimitOptions = {},
): Promise<Uint8Array> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  try {
    checkContentLength(request.headers?.['content-length'], maxBodyBytes);
  } catch (error) {
    return Promise.reject(error);
  }
  if (request.readableEnded) {
    return Promise.reject(
      new RawBodyRequiredError('a request stream that was already read', {
        detail: 'A body parser or earlier middleware consumed the stream before the webhook handler.',
      }),
    );
  }

  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let receivedBytes = 0;

    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      receivedBytes += bytes.byteLength;
      if (receivedBytes > maxBodyBytes) {
        cleanup();
        request.pause();
        reject(new PayloadTooLargeError({ maxBodyBytes, receivedBytes, detectedBy: 'stream' }));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => {
      cleanup();
      resolve(concatBytes(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new AbortError('The client closed the connection before the request body was complete.'));
    };

    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('close', onClose);
  });
}
