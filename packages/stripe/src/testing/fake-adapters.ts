import type { Transport, TransportRequest, TransportResponse } from '@patchbay/core';
import type { FakeIncoming, FakeOutcome } from './fake-pipeline-types.js';

type Handle = (incoming: FakeIncoming) => Promise<FakeOutcome>;

/** Rejects when `signal` aborts, while the fake keeps processing, as a server does. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted)
    return Promise.reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function resetError(): Error {
  const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  return new TypeError('fetch failed', { cause });
}

/** Creates a Fetch API handler for use as `fetch`, in msw or in a Worker. */
export function createFetchHandler(handle: Handle): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const outcome = await raceAbort(
      handle({ method: request.method, url: request.url, headers, body }),
      request.signal,
    );
    if (outcome.kind === 'reset') return Response.error();
    return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
  };
}

async function bodyText(body: TransportRequest['body']): Promise<string> {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  const chunks: Uint8Array[] = [];
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value);
  } else {
    for await (const chunk of body) chunks.push(chunk);
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Creates a core `Transport` that calls the fake directly; a reset throws a network error. */
export function createFakeTransport(handle: Handle): Transport {
  return {
    name: 'fake-stripe',
    async send(request): Promise<TransportResponse> {
      const body = await bodyText(request.body);
      const outcome = await raceAbort(
        handle({ method: request.method, url: request.url, headers: { ...request.headers }, body }),
        request.signal,
      );
      if (outcome.kind === 'reset') throw resetError();
      return {
        status: outcome.status,
        headers: outcome.headers,
        text: async () => outcome.body,
        discard: async () => {},
      };
    },
  };
}
