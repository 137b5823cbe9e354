import type { Transport, TransportRequest, TransportResponse } from '../src/transport/transport.js';

export interface HandledRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  sentAtMs: number;
}

export interface HandlerReply {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Answer after this many milliseconds of (fake) time. */
  delayMs?: number;
}

function bodyText(body: TransportRequest['body']): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error('The handler transport accepts only string and byte bodies.');
}

/** A transport that answers every request from a function, recording each one. */
export function handlerTransport(handle: (request: HandledRequest) => HandlerReply) {
  const requests: HandledRequest[] = [];
  const transport: Transport = {
    name: 'handler',
    async send(request): Promise<TransportResponse> {
      const handled: HandledRequest = {
        method: request.method,
        url: new URL(request.url),
        headers: { ...request.headers },
        body: bodyText(request.body),
        sentAtMs: Date.now(),
      };
      requests.push(handled);
      const reply = handle(handled);
      if (reply.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, reply.delayMs);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      }
      const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
      return {
        status: reply.status,
        headers: reply.headers ?? {},
        text: async () => text,
        discard: async () => {},
      };
    },
  };
  return { transport, requests };
}
