import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { readFetchRequestBody } from './read-fetch-body.js';

function streamingRequest(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled];
      pulled += 1;
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const request = new Request('https://app.example.test/hooks', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readFetchRequestBody', () => {
  it('returns the exact bytes', async () => {
    const bytes = new TextEncoder().encode('{"a":"\u{1F600}"}');
    const { request } = streamingRequest([bytes.subarray(0, 8), bytes.subarray(8)]);
    expect(Buffer.from(await readFetchRequestBody(request)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('rejects a Content-Length over the limit without reading', async () => {
    const { request, pulled } = streamingRequest([new Uint8Array(10)], { 'content-length': '4096' });
    const error = await readFetchRequestBody(request, { maxBodyBytes: 1024 }).catch(
      (caught: unknown) => caught,
    );
    expect((error as PayloadTooLargeError).detectedBy).toBe('content-length');
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('cancels the stream once the limit is crossed', async () => {
    const { request, pulled } = streamingRequest(Array.from({ length: 100 }, () => new Uint8Array(100)));
    const error = await readFetchRequestBody(request, { maxBodyBytes: 250 }).catch(
      (caught: unknown) => caught,
    );
    expect(PayloadTooLargeError.isInstance(error)).toBe(true);
    expect((error as PayloadTooLargeError).receivedBytes).toBe(300);
    expect(pulled()).toBeLessThan(10);
  });

  it('rejects a request whose body was already read', async () => {
    const request = new Request('https://app.example.test/hooks', { method: 'POST', body: '{}' });
    await request.json();
    const error = await readFetchRequestBody(request).catch((caught: unknown) => caught);
    expect(RawBodyRequiredError.isInstance(error)).toBe(true);
  });

  it('returns no bytes for a request without a body', async () => {
    expect((await readFetchRequestBody(new Request('https://app.example.test/hooks'))).byteLength).toBe(0);
  });
});
