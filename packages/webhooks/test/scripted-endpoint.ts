import type { IncomingHttpHeaders } from 'node:http';
import { type LocalServer, startLocalServer } from './local-http.js';

/** One scripted response: a status with headers, or `'hang'` to never respond. */
export type EndpointStep = { status: number; headers?: Record<string, string> } | 'hang';

/** A request as the endpoint received it. */
export interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `Date.now()` on arrival, so a fake clock applies. */
  receivedAtMs: number;
}

export interface ScriptedEndpoint extends LocalServer {
  received: ReceivedRequest[];
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
}

/** Starts a local endpoint that responds with `steps` in order, repeating the last step. */
export async function startScriptedEndpoint(steps: readonly EndpointStep[]): Promise<ScriptedEndpoint> {
  const received: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = await startLocalServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(parts),
        receivedAtMs: Date.now(),
      });
      for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
      const step = steps[Math.min(received.length - 1, steps.length - 1)] ?? { status: 200 };
      if (step === 'hang') return;
      response.writeHead(step.status, step.headers);
      response.end();
    });
  });
  return {
    ...server,
    received,
    waitForRequests(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}
