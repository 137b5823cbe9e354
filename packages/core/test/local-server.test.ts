import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError, TimeoutError } from '../src/errors/request-errors.js';
import { createClient } from '../src/pipeline/client.js';
import { createFetchTransport } from '../src/transport/fetch-transport.js';
import { createNodeTransport } from '../src/transport/node-transport.js';
import type { Transport } from '../src/transport/transport.js';

interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Handler = (request: Received, response: ServerResponse, incoming: IncomingMessage) => void;

let server: Server;
let origin = '';
const received: Received[] = [];
let handlers: Handler[] = [];

beforeAll(async () => {
  server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const handler = handlers[Math.min(received.length - 1, handlers.length - 1)];
      handler?.(request, response, incoming);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  received.length = 0;
  handlers = [];
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** Counts how each response body was released, to prove none is left open. */
function countingTransport(inner: Transport) {
  const releases: string[] = [];
  const transport: Transport = {
    name: inner.name,
    async send(request) {
      const response = await inner.send(request);
      return {
        ...response,
        text: async () => {
          releases.push(`text ${response.status}`);
          return response.text();
        },
        discard: async () => {
          releases.push(`discard ${response.status}`);
          return response.discard();
        },
      };
    },
    close: () => inner.close?.() ?? Promise.resolve(),
  };
  return { transport, releases };
}

const transports: Array<[string, () => Transport]> = [
  ['undici', () => createNodeTransport()],
  ['fetch', () => createFetchTransport()],
];

describe.each(transports)('real local server over %s', (_name, makeTransport) => {
  function makeClient(transport = makeTransport()) {
    return createClient({
      service: 'local',
      baseUrl: origin,
      transport,
      retry: { initialDelayMs: 20, maxDelayMs: 50 },
      idempotency: { header: 'Idempotency-Key' },
      requestIdHeader: 'request-id',
    });
  }

  it('sends a GET and parses JSON', async () => {
    handlers = [json(200, { id: 'cus_1', email: 'ada@example.test' }, { 'request-id': 'req_1' })];
    const client = makeClient();
    const response = await client.request({
      method: 'GET',
      path: '/v1/customers/cus_1',
      query: { expand: ['x'] },
    });
    expect(response.data).toEqual({ id: 'cus_1', email: 'ada@example.test' });
    expect(response.requestId).toBe('req_1');
    expect(received[0]?.url).toBe('/v1/customers/cus_1?expand=x');
    await client.close();
  });

  it('replays the same POST body after a 503', async () => {
    handlers = [json(503, { error: 'busy' }), json(201, { id: 'obj_1' })];
    const client = makeClient();
    const response = await client.request({
      method: 'POST',
      path: '/v1/things',
      json: { name: 'Ada', n: 10.5 },
    });
    expect(response.status).toBe(201);
    expect(received.map((request) => request.body)).toEqual([
      '{"name":"Ada","n":10.5}',
      '{"name":"Ada","n":10.5}',
    ]);
    expect(received[0]?.headers['idempotency-key']).toBe(received[1]?.headers['idempotency-key']);
    await client.close();
  });

  it('retries a connection reset as a network error', async () => {
    handlers = [(_request, response) => response.socket?.destroy(), json(200, { ok: true })];
    const client = makeClient();
    const retries: unknown[] = [];
    client.events.on('retry', (event) => retries.push(event.error));
    const response = await client.request({ method: 'GET', path: '/flaky' });
    expect(response.data).toEqual({ ok: true });
    expect(NetworkError.isInstance(retries[0])).toBe(true);
    await client.close();
  });

  it('aborts a slow attempt at its timeout', async () => {
    handlers = [
      (_request, response) =>
        setTimeout(() => json(200, { late: true })(_request, response, undefined as never), 400),
    ];
    const client = makeClient();
    const error = await client
      .request({ method: 'GET', path: '/slow', timeout: { attemptMs: 100 }, retry: { maxRetries: 0 } })
      .catch((e) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe('attempt');
    await client.close();
  });

  it('releases a 429 body once and resends the full body', async () => {
    handlers = [json(429, { error: 'rate limited', padding: 'x'.repeat(20_000) }), json(200, { ok: true })];
    const { transport, releases } = countingTransport(makeTransport());
    const client = makeClient(transport);
    const startedAt = Date.now();
    const response = await client.request({
      method: 'PUT',
      path: '/v1/things/1',
      json: { value: 'y'.repeat(5000) },
    });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(response.data).toEqual({ ok: true });
    expect(releases).toEqual(['text 429', 'text 200']);
    expect(received.map((request) => request.body.length)).toEqual([5012, 5012]);
    await client.close();
  });
});

describe('msw passthrough to a local server', () => {
  const mock = setupServer();
  beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mock.close());

  it('retries a 429 through msw passthrough', async () => {
    mock.use(http.all(`${origin}/*`, () => passthrough()));
    handlers = [json(429, { error: 'rate limited' }), json(200, { ok: true })];
    const { transport, releases } = countingTransport(createFetchTransport());
    const client = createClient({
      service: 'local',
      baseUrl: origin,
      transport,
      retry: { initialDelayMs: 20, maxDelayMs: 50 },
      idempotency: { header: 'Idempotency-Key' },
    });
    const startedAt = Date.now();
    const response = await client.request({
      method: 'POST',
      path: '/v1/things',
      json: { a: 'b'.repeat(100) },
    });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(response.data).toEqual({ ok: true });
    expect(releases).toEqual(['text 429', 'text 200']);
    expect(received.map((request) => request.body)).toEqual([
      JSON.stringify({ a: 'b'.repeat(100) }),
      JSON.stringify({ a: 'b'.repeat(100) }),
    ]);
  });
});
