import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createStripeVerifier,
  createWebhookReceiver,
  PayloadTooLargeError,
  type ReceiveResult,
} from '../src/index.js';
import { signStripeWebhook } from '../src/testing/index.js';
import { type LocalServer, sendRaw, startLocalServer } from './local-http.js';

const secret = 'whsec_node_adapter_endpoint_secret_01';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startReceiver(options: { maxBodyBytes?: number; handle?: (event: { id: string }) => void }) {
  const results: ReceiveResult[] = [];
  const received: unknown[] = [];
  const receiver = createWebhookReceiver({
    verifier: createStripeVerifier({ secrets: [secret] }),
    handlers: {
      'customer.updated': {
        schema: z.object({ id: z.string(), type: z.string(), note: z.string().optional() }),
        handle: (event) => {
          received.push(event);
          options.handle?.(event);
        },
      },
    },
    maxBodyBytes: options.maxBodyBytes,
    onResult: (result) => void results.push(result),
  });
  server = await startLocalServer(receiver.node());
  return { server, results, received };
}

describe('Node adapter', () => {
  it('verifies a body whose emoji is split across TCP writes', async () => {
    const { server, received } = await startReceiver({});
    const text = '{"id":"evt_emoji","type":"customer.updated","note":"\u{1F600} ok"}';
    const bytes = Buffer.from(text, 'utf8');
    const split = bytes.indexOf(Buffer.from('\u{1F600}', 'utf8')) + 2;
    const signed = signStripeWebhook({ payload: text, secret });

    const response = await sendRaw({
      port: server.port,
      path: '/webhooks',
      headers: { ...signed.headers, 'content-length': String(bytes.byteLength) },
      chunks: [bytes.subarray(0, split), bytes.subarray(split)],
      pauseMs: 20,
    });

    expect(response.status).toBe(200);
    expect(received).toEqual([{ id: 'evt_emoji', type: 'customer.updated', note: '\u{1F600} ok' }]);
  });

  it('answers 413 from Content-Length without reading the body', async () => {
    const { server, results } = await startReceiver({ maxBodyBytes: 1024 });
    const response = await sendRaw({
      port: server.port,
      path: '/webhooks',
      headers: { 'content-type': 'application/json', 'content-length': '5000000' },
      chunks: ['{"id":'],
      endBody: false,
    });
    const error = results[0]?.outcome === 'rejected' ? (results[0].error as PayloadTooLargeError) : undefined;

    expect(response.status).toBe(413);
    expect(response.body).toBe('Payload Too Large');
    expect(response.headers.connection).toBe('close');
    expect(PayloadTooLargeError.isInstance(error)).toBe(true);
    expect(error?.detectedBy).toBe('content-length');
    expect(error?.receivedBytes).toBe(5_000_000);
  });

  it('answers 413 once a chunked body crosses the limit', async () => {
    const { server, results } = await startReceiver({ maxBodyBytes: 1024 });
    const chunk = 'x'.repeat(600);
    const response = await sendRaw({
      port: server.port,
      path: '/webhooks',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [chunk, chunk, chunk, chunk],
      pauseMs: 20,
      endBody: false,
    });
    const error = results[0]?.outcome === 'rejected' ? (results[0].error as PayloadTooLargeError) : undefined;

    expect(response.status).toBe(413);
    expect(error?.detectedBy).toBe('stream');
    expect(error?.receivedBytes).toBe(1200);
  });

  it('answers 500 when the handler throws', async () => {
    const { server, results } = await startReceiver({
      handle: () => {
        throw new Error('ledger locked');
      },
    });
    const signed = signStripeWebhook({ payload: { id: 'evt_fail', type: 'customer.updated' }, secret });
    const response = await sendRaw({
      port: server.port,
      path: '/webhooks',
      headers: signed.headers,
      chunks: [signed.body],
    });
    expect(response.status).toBe(500);
    expect(response.body).toBe('Internal Server Error: a handler failed; retry later');
    expect(results[0]).toMatchObject({
      outcome: 'verified',
      status: 500,
      events: [{ outcome: 'failed', id: 'evt_fail' }],
    });
  });
});
