import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { concatBytes } from '../verify/raw-body.js';
import { type BodyLimitOptions, checkContentLength, DEFAULT_MAX_BODY_BYTES } from './read-node-body.js';

/**
 * Reads a Fetch `Request` body (Next.js App Router, Hono, Workers, Deno, Bun) into bytes. Checks
 * Content-Length first, then counts streamed bytes and cancels the stream once the limit is crossed.
 */
export async function readFetchRequestBody(
  request: Request,
  options: BodyLimitOptions = {},
): Promise<Uint8Array> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  checkContentLength(request.headers.get('content-length'), maxBodyBytes);
  if (request.bodyUsed) {
    throw new RawBodyRequiredError('a Request whose body was already read', {
      detail:
        'Something called request.json() or request.text() before the webhook handler. Clone the request first.',
    });
  }
  if (request.body === null) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    receivedBytes += value.byteLength;
    if (receivedBytes > maxBodyBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError({ maxBodyBytes, receivedBytes, detectedBy: 'stream' });
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}
