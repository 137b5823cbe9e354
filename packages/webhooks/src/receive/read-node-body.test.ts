import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { readNodeRequestBody } from './read-node-body.js';

function streamOf(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const stream = new Readable({
    read() {
      const chunk = chunks[pulled];
      pulled += 1;
      this.push(chunk ?? null);
    },
  });
  return { stream: Object.assign(stream, { headers }), pulled: () => pulled };
}

describe('readNodeRequestBody', () => {
  it('keeps an emoji split across chunks intact', async () => {
    const text = '{"note":"caf\u00e9 \u{1F600}"}';
    const bytes = Buffer.from(text, 'utf8');
    const emojiStart = bytes.indexOf(Buffer.from('\u{1F600}', 'utf8'));
    const chunks = [
      bytes.subarray(0, emojiStart + 1),
      bytes.subarray(emojiStart + 1, emojiStart + 3),
      bytes.subarray(emojiStart + 3),
    ];
    const { stream } = streamOf(chunks);

    const body = await readNodeRequestBody(stream);

    expect(Buffer.from(body).equals(bytes)).toBe(true);
    expect(new TextDecoder().decode(body)).toBe(text);
  });

  it('rejects a Content-Length over the limit before reading', async () => {
    const { stream, pulled } = streamOf([new Uint8Array(10)], { 'content-length': '2048' });
    const error = await readNodeRequestBody(stream, { maxBodyBytes: 1024 }).catch(
      (caught: unknown) => caught,
    );
    expect(PayloadTooLargeError.isInstance(error)).toBe(true);
    expect((error as PayloadTooLargeError).detectedBy).toBe('content-length');
    expect((error as PayloadTooLargeError).receivedBytes).toBe(2048);
    expect(pulled()).toBe(0);
  });

  it('stops reading once streamed bytes cross the limit', async () => {
    const chunks = Array.from({ length: 1000 }, () => new Uint8Array(100));
    const { stream, pulled } = streamOf(chunks);
    const error = await readNodeRequestBody(stream, { maxBodyBytes: 1000 }).catch(
      (caught: unknown) => caught,
    );
    expect(PayloadTooLargeError.isInstance(error)).toBe(true);
    expect((error as PayloadTooLargeError).detectedBy).toBe('stream');
    expect((error as PayloadTooLargeError).receivedBytes).toBe(1100);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pulled()).toBeLessThan(200);
  });

  it('accepts a body exactly at the limit', async () => {
    const { stream } = streamOf([new Uint8Array(600), new Uint8Array(424)]);
    expect((await readNodeRequestBody(stream, { maxBodyBytes: 1024 })).byteLength).toBe(1024);
  });

  it('rejects a stream that was already read', async () => {
    const { stream } = streamOf([new Uint8Array(3)]);
    stream.resume();
    await new Promise((resolve) => stream.once('end', resolve));
    const error = await readNodeRequestBody(stream).catch((caught: unknown) => caught);
    expect(RawBodyRequiredError.isInstance(error)).toBe(true);
  });
});
