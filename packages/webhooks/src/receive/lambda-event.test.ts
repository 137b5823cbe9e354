import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { readLambdaEvent } from './lambda-event.js';

describe('readLambdaEvent', () => {
  it('reads a payload 2.0 event with its raw query', () => {
    const request = readLambdaEvent({
      body: '{"a":1}',
      headers: { host: 'hooks.example.test', 'x-forwarded-proto': 'https' },
      rawPath: '/hubspot',
      rawQueryString: 'tenant=acme%3Aeu&x=1',
      requestContext: { http: { method: 'POST' } },
    });
    expect(new TextDecoder().decode(request.rawBody)).toBe('{"a":1}');
    expect(request.url).toBe('https://hooks.example.test/hubspot?tenant=acme%3Aeu&x=1');
    expect(request.method).toBe('POST');
  });

  it('reads a payload 1.0 event with multi-value headers', () => {
    const request = readLambdaEvent({
      body: Buffer.from('caf\u00e9').toString('base64'),
      isBase64Encoded: true,
      httpMethod: 'POST',
      path: '/hooks',
      multiValueHeaders: { Host: ['api.example.test'], 'Stripe-Signature': ['t=1,v1=ab'] },
      multiValueQueryStringParameters: { a: ['1', '2'] },
    });
    expect(new TextDecoder().decode(request.rawBody)).toBe('caf\u00e9');
    expect(request.url).toBe('https://api.example.test/hooks?a=1&a=2');
    expect(request.headers['Stripe-Signature']).toBe('t=1,v1=ab');
  });

  it('rejects a decoded body over the limit', () => {
    const event = { body: Buffer.alloc(2000).toString('base64'), isBase64Encoded: true };
    expect(() => readLambdaEvent(event, { maxBodyBytes: 1000 })).toThrow(PayloadTooLargeError);
  });

  it('rejects a parsed body', () => {
    expect(() => readLambdaEvent({ body: { a: 1 } as unknown as string })).toThrow(RawBodyRequiredError);
  });
});
