import { HttpResponse, http, passthrough } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One request as the mock API received it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
  text: string;
  /** `Date.now()` when the request arrived, so fake clocks apply. */
  receivedAtMs: number;
}

/** A scripted response: plain data, a network failure, or a function of the request. */
export type ScriptedResponse =
  | {
      status?: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      /** Waits this long before answering (uses `setTimeout`, so fake timers control it). */
      delayMs?: number;
    }
  | 'network-error'
  | 'passthrough'
  | ((request: Request, recorded: RecordedRequest) => Response | Promise<Response>);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

const handlerFor = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
  HEAD: http.head,
  OPTIONS: http.options,
} as const;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function record(request: Request): Promise<RecordedRequest> {
  const body = new Uint8Array(await request.clone().arrayBuffer());
  return {
    method: request.method,
    url: new URL(request.url),
    headers: Object.fromEntries(request.headers),
    body,
    text: new TextDecoder().decode(body),
    receivedAtMs: Date.now(),
  };
}

async function respond(step: ScriptedResponse, request: Request, recorded: RecordedRequest) {
  if (step === 'network-error') return HttpResponse.error();
  if (step === 'passthrough') return passthrough();
  if (typeof step === 'function') return step(request, recorded);
  if (step.delayMs) await sleep(step.delayMs);
  const status = step.status ?? 200;
  if (step.json !== undefined)
    return HttpResponse.json(step.json as never, { status, headers: step.headers });
  return new HttpResponse(step.text ?? null, { status, headers: step.headers });
}

/** An msw server with scripted routes and a record of every request it answered. */
export class MockApi {
  readonly server: SetupServer;
  readonly requests: RecordedRequest[] = [];

  constructor() {
    this.server = setupServer();
  }

  /**
   * Answers `method url` with the scripted responses in order; the last one repeats.
   * A later call for the same route takes precedence.
   */
  on(method: Method, url: string, responses: ScriptedResponse | ScriptedResponse[]): this {
    const steps = Array.isArray(responses) ? [...responses] : [responses];
    if (steps.length === 0) throw new Error(`MockApi.on(${method} ${url}) needs at least one response.`);
    let index = 0;
    this.server.use(
      handlerFor[method](url, async ({ request }) => {
        const recorded = await record(request);
        this.requests.push(recorded);
        const step = steps[Math.min(index, steps.length - 1)] as ScriptedResponse;
        index += 1;
        return respond(step, request, recorded);
      }),
    );
    return this;
  }

  /** Requests whose method and path (and host, when given) match. */
  requestsTo(method: Method, pathOrUrl: string): RecordedRequest[] {
    return this.requests.filter((request) => {
      if (request.method !== method) return false;
      return pathOrUrl.includes('://') ? request.url.href === pathOrUrl : request.url.pathname === pathOrUrl;
    });
  }

  reset(): void {
    this.server.resetHandlers();
    this.requests.length = 0;
  }
}

/**
 * Creates a {@link MockApi} for the current test file: it listens before the first test, forgets
 * routes and requests after each test and closes after the last. Unmatched requests fail the test.
 */
export function useMockApi(): MockApi {
  const api = new MockApi();
  beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => api.reset());
  afterAll(() => api.server.close());
  return api;
}
