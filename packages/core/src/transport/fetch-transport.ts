import ky, { type KyInstance } from 'ky';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** A Fetch API implementation: the global `fetch`, a polyfill, or a test double. */
export type FetchFunction = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface FetchTransportOptions {
  /**
   * The `fetch` that ky calls. Looked up on `globalThis` at send time when omitted, so msw and
   * other interceptors that replace the global `fetch` after the client was created still apply.
   */
  fetch?: FetchFunction;
}

function toHeaderRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function wrapResponse(response: Response): TransportResponse {
  return {
    status: response.status,
    headers: toHeaderRecord(response.headers),
    text: () => response.text(),
    discard: async () => {
      if (response.body && !response.bodyUsed) await response.body.cancel().catch(() => {});
    },
  };
}

function toRequestBody(body: TransportRequest['body']): BodyInit | undefined {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit;
  if (body instanceof ReadableStream) return body;
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/**
 * A transport on ky and the Fetch API, for every runtime that has `fetch` (Node, Deno, Bun,
 * Cloudflare Workers, Vercel Edge, browsers). ky's own retry and timeout are off because the
 * pipeline owns the attempt loop; redirects are returned, not followed.
 */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const fetchFunction: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client: KyInstance = ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    redirect: 'manual',
    fetch: fetchFunction as typeof fetch,
  });

  return {
    name: 'fetch',
    async send(request) {
      const body = toRequestBody(request.body);
      const init: RequestInit & { duplex?: 'half' } = {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      };
      if (body instanceof ReadableStream) init.duplex = 'half';
      const response = await client(request.url, init);
      return wrapResponse(response);
    },
  };
}
