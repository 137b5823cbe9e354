import { useMockApi } from '@patchbay/test-utils';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../src/errors/http-error.js';
import { NetworkError, ParseError } from '../src/errors/request-errors.js';
import { createClient } from '../src/pipeline/client.js';
import { createFetchTransport } from '../src/transport/fetch-transport.js';

const api = useMockApi();
const baseUrl = 'https://api.example.test';

function client() {
  return createClient({
    service: 'example',
    baseUrl,
    transport: createFetchTransport(),
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    requestIdHeader: 'request-id',
  });
}

describe('pipeline over msw', () => {
  it('retries a simulated network error as a NetworkError', async () => {
    api.on('GET', `${baseUrl}/v1/items/1`, ['network-error', { json: { id: 1 } }]);
    const errors: unknown[] = [];
    const instance = client();
    instance.events.on('retry', (event) => errors.push(event.error));

    const response = await instance.request({ method: 'GET', path: '/v1/items/1' });

    expect(response.data).toEqual({ id: 1 });
    expect(response.attempts).toBe(2);
    expect(errors).toHaveLength(1);
    expect(NetworkError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as NetworkError).cause).toBeInstanceOf(Error);
  });

  it('reports an empty 200 as a ParseError with the status', async () => {
    api.on('GET', `${baseUrl}/v1/items/2`, { status: 200, text: '' });
    const error = (await client()
      .request({ method: 'GET', path: '/v1/items/2' })
      .catch((e) => e)) as ParseError;
    expect(ParseError.isInstance(error)).toBe(true);
    expect(error.status).toBe(200);
    expect(error.rawBody).toBe('');
    expect(error.message).toContain('empty body where JSON was expected');
    expect(api.requests).toHaveLength(1);
  });

  it('reports a non-JSON 200 as a ParseError keeping the raw body', async () => {
    api.on('GET', `${baseUrl}/v1/items/3`, { status: 200, text: '<html>maintenance</html>' });
    const error = (await client()
      .request({ method: 'GET', path: '/v1/items/3' })
      .catch((e) => e)) as ParseError;
    expect(error.rawBody).toBe('<html>maintenance</html>');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('validates with the schema and tolerates unknown fields', async () => {
    api.on('GET', `${baseUrl}/v1/items/4`, { json: { id: 'it_4', count: 3, added_later: { x: 1 } } });
    const schema = z.object({ id: z.string(), count: z.number() });
    const response = await client().request({ method: 'GET', path: '/v1/items/4', schema });
    expect(response.data).toEqual({ id: 'it_4', count: 3 });
  });

  it('reports a schema mismatch with the issues and raw body', async () => {
    api.on('GET', `${baseUrl}/v1/items/5`, { json: { id: 5 }, headers: { 'request-id': 'req_55' } });
    const schema = z.object({ id: z.string() });
    const error = (await client()
      .request({ method: 'GET', path: '/v1/items/5', schema })
      .catch((e) => e)) as ParseError;
    expect(error.issues).toHaveLength(1);
    expect(error.rawBody).toBe('{"id":5}');
    expect(error.requestId).toBe('req_55');
    expect(error.message).toContain('id: Invalid input: expected string, received number');
    expect(error.retryable).toBe(false);
  });

  it('keeps a non-JSON error body as text', async () => {
    api.on('GET', `${baseUrl}/v1/items/6`, () => new HttpResponse('Bad Gateway from proxy', { status: 400 }));
    const error = (await client()
      .request({ method: 'GET', path: '/v1/items/6' })
      .catch((e) => e)) as HttpError;
    expect(HttpError.isInstance(error)).toBe(true);
    expect(error.body).toBe('Bad Gateway from proxy');
    expect(error.status).toBe(400);
  });
});
