import type { Transport } from '@patchbay/core';

/** One scripted response: a status with a JSON body and headers, or a dropped connection. */
export type ScriptedStep = { status: number; json?: unknown; headers?: Record<string, string> } | 'reset';

export interface SentRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
  atMs: number;
}

/**
 * A transport that responds from a list of steps (the last one repeats) or a function, and
 * records every request with the (fake) time it was sent.
 */
export function scriptedTransport(steps: ScriptedStep[] | ((request: SentRequest) => ScriptedStep)) {
  const sent: SentRequest[] = [];
  const transport: Transport = {
    name: 'scripted',
    async send(request) {
      const body =
        typeof request.body === 'string' && request.body !== '' ? JSON.parse(request.body) : undefined;
      const entry: SentRequest = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body,
        atMs: Date.now(),
      };
      sent.push(entry);
      const step =
        typeof steps === 'function'
          ? steps(entry)
          : (steps[Math.min(sent.length - 1, steps.length - 1)] as ScriptedStep);
      if (step === 'reset') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      const text = step.json === undefined ? '' : JSON.stringify(step.json);
      return {
        status: step.status,
        headers: { 'content-type': 'application/json', ...step.headers },
        text: async () => text,
        discard: async () => {},
      };
    },
  };
  return { transport, sent };
}

/** Advances fake timers until the promise settles, then returns its outcome. */
export async function settle<T>(promise: Promise<T>, stepMs = 250, maxSteps = 2_000): Promise<T> {
  const { vi } = await import('vitest');
  let done = false;
  const tracked = promise.finally(() => {
    done = true;
  });
  tracked.catch(() => {});
  for (let step = 0; step < maxSteps; step += 1) {
    await vi.advanceTimersByTimeAsync(0);
    if (done) break;
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  return tracked;
}
