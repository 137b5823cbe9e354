import type { Transport, TransportRequest, TransportResponse } from '../src/transport/transport.js';

/** One request as the scripted transport received it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Body bytes as sent (streams are read to the end). */
  body: Uint8Array;
  bodyText: string;
  /** `Date.now()` at send time, so fake clocks apply. */
  sentAtMs: number;
  signal: AbortSignal;
}

export type Step =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string>; delayMs?: number }
  | { networkError: string; code?: string; delayMs?: number }
  | { hang: true }
  | ((request: SentRequest) => Promise<TransportResponse> | TransportResponse);

async function readBody(body: TransportRequest['body']): Promise<Uint8Array> {
  if (body === undefined) return new Uint8Array();
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } else {
    for await (const chunk of body) chunks.push(chunk);
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

function abortable<T>(signal: AbortSignal, work: (resolve: (value: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('This operation was aborted', 'AbortError'));
      return;
    }
    const cleanup = work((value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    const onAbort = () => {
      cleanup();
      reject(new DOMException('This operation was aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A transport that answers from a script and records every request. The last step repeats.
 * Delays use `setTimeout`, so fake timers control them, and every wait honours the signal.
 */
export class ScriptedTransport implements Transport {
  readonly name = 'scripted';
  readonly sent: SentRequest[] = [];
  readonly discarded: number[] = [];
  #steps: Step[];
  #index = 0;

  constructor(steps: Step[]) {
    this.#steps = steps;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const body = await readBody(request.body);
    const sent: SentRequest = {
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      body,
      bodyText: new TextDecoder().decode(body),
      sentAtMs: Date.now(),
      signal: request.signal,
    };
    this.sent.push(sent);
    const step = this.#steps[Math.min(this.#index, this.#steps.length - 1)] as Step;
    this.#index += 1;

    if (typeof step === 'function') return step(sent);
    if ('hang' in step) return abortable<TransportResponse>(request.signal, () => () => {});
    if (step.delayMs) {
      await abortable<void>(request.signal, (resolve) => {
        const timer = setTimeout(() => resolve(), step.delayMs);
        return () => clearTimeout(timer);
      });
    }
    if ('networkError' in step) {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error(step.networkError), { code: step.code ?? 'ECONNRESET' }),
      });
    }

    const text = step.json !== undefined ? JSON.stringify(step.json) : (step.text ?? '');
    const headers = {
      ...(step.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...step.headers,
    };
    const index = this.sent.length - 1;
    return {
      status: step.status,
      headers,
      text: async () => text,
      discard: async () => {
        this.discarded.push(index);
      },
    };
  }
}
