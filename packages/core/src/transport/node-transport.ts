import { Readable } from 'node:stream';
import { Agent, type Dispatcher } from 'undici';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export interface NodeTransportOptions {
  /**
   * Maximum open connections per origin.
   * @default 128
   */
  connections?: number;
  /**
   * How long an idle keep-alive connection stays open, in milliseconds.
   * @default 4000
   */
  keepAliveTimeoutMs?: number;
  /**
   * Time to establish a TCP and TLS connection, in milliseconds.
   * @default 10000
   */
  connectTimeoutMs?: number;
  /** An undici dispatcher to use instead of a new `Agent` (a proxy agent, for example). */
  dispatcher?: Dispatcher;
}

function toUndiciBody(body: TransportRequest['body']): string | Uint8Array | Readable | undefined {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ReadableStream)
    return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  return Readable.from(body, { objectMode: false });
}

function toHeaderRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

/**
 * A transport on undici's dispatcher API, for Node. It skips the `Request` and `Response`
 * objects that `fetch` builds, which makes it several times faster than `fetch` on Node 20.
 *
 * It does not go through the global `fetch`, so msw and other `fetch` interceptors do not see its
 * requests: in tests that use them, pass `createFetchTransport()` or a fake's own transport.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 128,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4000,
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    });

  return {
    name: 'undici',
    async send(request) {
      const url = new URL(request.url);
      const response = await dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: toUndiciBody(request.body),
        signal: request.signal,
      });
      const result: TransportResponse = {
        status: response.statusCode,
        headers: toHeaderRecord(response.headers),
        text: () => response.body.text(),
        discard: async () => {
          await response.body.dump().catch(() => {});
        },
      };
      return result;
    },
    async close() {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
