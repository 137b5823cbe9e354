import type { Transport, TransportBody } from '@patchbay/core';

async function collect(body: TransportBody): Promise<BodyInit> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (body instanceof ReadableStream) return new Uint8Array(await new Response(body).arrayBuffer());
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A core `Transport` that calls a Fetch-API handler in process, with no sockets. A handler that
 * returns `Response.error()` (a dropped connection) surfaces as a thrown `ECONNRESET` error, as a
 * real socket reset would.
 */
export function createHandlerTransport(
  name: string,
  handle: (request: Request) => Promise<Response>,
): Transport {
  return {
    name,
    async send(request) {
      const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
      const response = await handle(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: hasBody ? await collect(request.body as TransportBody) : undefined,
          signal: request.signal,
        }),
      );
      if (response.type === 'error') {
        throw Object.assign(
          new Error(`socket hang up: the connection to ${new URL(request.url).host} was reset`),
          {
            code: 'ECONNRESET',
          },
        );
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return {
        status: response.status,
        headers,
        text: () => response.text(),
        discard: async () => {
          await response.body?.cancel();
        },
      };
    },
  };
}
