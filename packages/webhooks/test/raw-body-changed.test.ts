import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createStripeVerifier,
  createWebhookReceiver,
  RawBodyRequiredError,
  type ReceiveResult,
  SignatureMismatchError,
} from '../src/index.js';
import { signStripeWebhook } from '../src/testing/index.js';
import { sendRaw, startLocalServer } from './local-http.js';

const secret = 'whsec_raw_body_endpoint_secret_012345';
const nowSeconds = 1_700_000_000;

// Two-space indentation, an escaped slash, a number with a trailing zero and a string with a
// trailing space: each is lost when the body is parsed and serialized again.
const body = [
  '{',
  '  "id": "evt_raw_1",',
  '  "type": "charge.updated",',
  '  "receipt_url": "https:\\/\\/pay.example.test\\/receipts\\/1",',
  '  "amount": 10.50,',
  '  "description": "Latte "',
  '}',
].join('\n');

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('raw body changed before verification', () => {
  const verifier = createStripeVerifier({ secrets: [secret] });
  const signed = signStripeWebhook({ payload: body, secret, timestampSeconds: nowSeconds });
  const now = nowSeconds * 1000;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('contains the details that re-serializing loses', () => {
    expect(body).toContain('\\/');
    expect(body).toContain('10.50');
    expect(body).toContain('"Latte "');
    expect(body).toContain('\n  "amount"');
  });

  it('verifies the raw bytes', () => {
    expect(verifier.verify(Buffer.from(body, 'utf8'), signed.headers).secretIndex).toBe(0);
  });

  it('verifies the same text as a UTF-8 string', () => {
    expect(verifier.verify(body, signed.headers).secretIndex).toBe(0);
  });

  it('rejects the re-serialized body as a mismatch', () => {
    const reserialized = JSON.stringify(JSON.parse(body));
    expect(reserialized).not.toBe(body);
    const error = catchError(() => verifier.verify(reserialized, signed.headers));
    expect(SignatureMismatchError.isInstance(error)).toBe(true);
  });

  it('rejects a body with the trailing space trimmed as a mismatch', () => {
    const trimmed = body.replace('"Latte "', '"Latte"');
    const error = catchError(() => verifier.verify(trimmed, signed.headers));
    expect(SignatureMismatchError.isInstance(error)).toBe(true);
  });

  it('rejects a parsed object with the raw-body error', () => {
    const error = catchError(() => verifier.verify(JSON.parse(body), signed.headers)) as RawBodyRequiredError;
    expect(RawBodyRequiredError.isInstance(error)).toBe(true);
    expect(SignatureMismatchError.isInstance(error)).toBe(false);
    expect(error.code).toBe('raw_body_required');
    expect(error.receivedType).toBe('a parsed object');
    expect(error.message).toContain("express.raw({ type: 'application/json' })");
    expect(error.message).toContain('await request.text()');
    expect(error.message).toContain('await c.req.text()');
  });
});

describe('Express adapter', () => {
  function app(withJsonParser: boolean, results: ReceiveResult[], handled: string[]) {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: {},
      onResult: (result) => {
        results.push(result);
        if (result.outcome === 'verified') handled.push(result.verification.scheme);
      },
    });
    const application = express();
    if (withJsonParser) {
      application.use(express.json());
      application.post('/webhooks/stripe', receiver.express());
    } else {
      application.post('/webhooks/stripe', express.raw({ type: 'application/json' }), receiver.express());
    }
    return application as unknown as (request: IncomingMessage, response: ServerResponse) => void;
  }

  it('reports the raw-body error when express.json() ran first', async () => {
    const results: ReceiveResult[] = [];
    const server = await startLocalServer(app(true, results, []));
    try {
      const signed = signStripeWebhook({ payload: body, secret });
      const response = await sendRaw({
        port: server.port,
        path: '/webhooks/stripe',
        headers: signed.headers,
        chunks: [body],
      });

      expect(response.status).toBe(500);
      expect(response.body).toBe('Internal Server Error: raw_body_required');
      const [result] = results;
      expect(result?.outcome).toBe('rejected');
      const error = result?.outcome === 'rejected' ? result.error : undefined;
      expect(RawBodyRequiredError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('express.json() or another body parser ran before');
    } finally {
      await server.close();
    }
  });

  it('verifies with express.raw() on the route', async () => {
    const handled: string[] = [];
    const server = await startLocalServer(app(false, [], handled));
    try {
      const signed = signStripeWebhook({ payload: body, secret });
      const response = await sendRaw({
        port: server.port,
        path: '/webhooks/stripe',
        headers: signed.headers,
        chunks: [body],
      });
      expect(response.status).toBe(200);
      expect(handled).toEqual(['stripe']);
    } finally {
      await server.close();
    }
  });
});

describe('Lambda adapter', () => {
  it('decodes a base64 body and verifies it', async () => {
    const results: ReceiveResult[] = [];
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: {},
      onResult: (result) => void results.push(result),
    });
    const signed = signStripeWebhook({ payload: body, secret });

    const response = await receiver.lambda()({
      body: Buffer.from(body, 'utf8').toString('base64'),
      isBase64Encoded: true,
      headers: signed.headers,
      rawPath: '/webhooks/stripe',
      rawQueryString: '',
      requestContext: { http: { method: 'POST' }, domainName: 'abc.lambda-url.eu-west-1.on.aws' },
    });

    expect(response).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'OK',
    });
    expect(results[0]).toMatchObject({
      outcome: 'verified',
      events: [{ outcome: 'ignored', id: 'evt_raw_1' }],
    });
  });

  it('rejects the base64 text itself when the flag is missing', async () => {
    const receiver = createWebhookReceiver({
      verifier: createStripeVerifier({ secrets: [secret] }),
      handlers: {},
    });
    const signed = signStripeWebhook({ payload: body, secret });
    const response = await receiver.lambda()({
      body: Buffer.from(body, 'utf8').toString('base64'),
      headers: signed.headers,
      httpMethod: 'POST',
      path: '/webhooks/stripe',
    });
    expect(response.statusCode).toBe(401);
  });
});
