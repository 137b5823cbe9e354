import type { Transport } from '@patchbay/core';
import { defaultAssociationTypeId } from '../associations/association-types.js';
import { rateLimitPolicies } from '../client/rate-limit-policies.js';
import type { Pipeline } from '../deals/pipeline-cache.js';
import type { ObjectType } from '../objects/object-types.js';
import type { PropertyDefinition } from '../properties/property-definition.js';
import { FakeAssociationStore } from './fake-association-store.js';
import { authenticate } from './fake-authenticate.js';
import { type Fault, FaultInjector, type FaultOptions } from './fake-faults.js';
import { FakeOAuth } from './fake-oauth.js';
import { FakeRateLimiter, type FakeRateLimits } from './fake-rate-limits.js';
import { FakeHttpError, type FakeReply } from './fake-responses.js';
import { parseBody, route } from './fake-router.js';
import { createFakeState, type FakeRequestRecord } from './fake-state.js';
import { type FakeRecord, FakeStore } from './fake-store.js';
import { FakeWebhooks } from './fake-webhooks.js';
import { createHandlerTransport } from './handler-transport.js';
import { type ListeningServer, type ListenOptions, listenHandler } from './listen-handler.js';
import { SeededRandom } from './seeded-random.js';

export interface FakeHubSpotOptions {
  /**
   * Seed of the random source behind fault injection and generated ids.
   * @default 1
   */
  seed?: number;
  /** @default 62515 */
  portalId?: number;
  /** @default 54321 */
  appId?: number;
  /** OAuth client id the token endpoint accepts. @default 'fake-client-id' */
  clientId?: string;
  /** OAuth client secret; also the key of webhook signatures. @default 'fake-client-secret' */
  clientSecret?: string;
  /** Refresh tokens the token endpoint accepts besides those it issues. */
  refreshTokens?: string[];
  /** Private-app tokens to accept. @default any bearer token */
  accessTokens?: string[];
  /** HubSpot's rate limits to enforce; `false` turns them off. @default Free tier: 100 per 10 s, 5 searches per s */
  limits?: FakeRateLimits | false;
  /** Random fault injection from the start. */
  faults?: FaultOptions;
  /** Deal pipelines besides the default sales pipeline. */
  pipelines?: Pipeline[];
  /** Property definitions besides the defaults, such as custom properties with unique values. */
  properties?: Partial<Record<ObjectType, PropertyDefinition[]>>;
  /** Sends webhook deliveries. @default globalThis.fetch */
  webhookFetch?: (input: string, init: RequestInit) => Promise<Response>;
}

const jsonHeaders = { 'content-type': 'application/json;charset=utf-8' };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Creates a stateful in-memory HubSpot. Use `fake.transport` as the client's transport, route msw
 * to `fake.fetch`, or `fake.listen()` for real HTTP. Injected `5xx` faults and resets strike
 * before the request is processed unless their timing is `after`.
 */
export function createFakeHubSpot(options: FakeHubSpotOptions = {}) {
  const random = new SeededRandom(options.seed ?? 1);
  const store = new FakeStore({ pipelines: options.pipelines, properties: options.properties });
  const associations = new FakeAssociationStore();
  const faults = new FaultInjector(random, options.faults);
  const limiter = options.limits === false ? undefined : new FakeRateLimiter(options.limits ?? {});
  const clientSecret = options.clientSecret ?? 'fake-client-secret';
  const oauth = new FakeOAuth({
    clientId: options.clientId ?? 'fake-client-id',
    clientSecret,
    random,
    refreshTokens: options.refreshTokens,
  });
  const webhooks = new FakeWebhooks({
    clientSecret,
    portalId: options.portalId ?? 62515,
    appId: options.appId ?? 54321,
    fetch: options.webhookFetch,
  });
  const requests: FakeRequestRecord[] = [];
  const acceptedTokens = options.accessTokens ? new Set(options.accessTokens) : undefined;

  function respond(entry: FakeRequestRecord, result: FakeReply, isSearch: boolean): Response {
    entry.status = result.status;
    let body = result.body;
    if (result.status >= 400 && body && typeof body === 'object' && !Array.isArray(body)) {
      body = {
        ...body,
        correlationId: (body as { correlationId?: string }).correlationId ?? entry.correlationId,
      };
    }
    const headers = {
      ...(body === undefined ? {} : jsonHeaders),
      ...(limiter && !isSearch ? limiter.headers() : {}),
      ...result.headers,
      'x-hubspot-correlation-id': entry.correlationId,
    };
    return new Response(body === undefined ? null : JSON.stringify(body), { status: result.status, headers });
  }

  function dropConnection(entry: FakeRequestRecord): Response {
    entry.status = 'reset';
    return Response.error();
  }

  function serverError(fault: Fault): FakeReply {
    return {
      status: fault.status,
      body: { status: 'error', message: 'internal error', category: 'INTERNAL_ERROR' },
    };
  }

  /** Auth, rate limits and faults decided before processing: a reply ends the request. */
  function gate(request: Request, entry: FakeRequestRecord, fault: Fault | undefined, isSearch: boolean) {
    const unauthorized = authenticate(request, oauth, acceptedTokens);
    if (unauthorized) return unauthorized;
    const throttled = limiter?.admit(isSearch ? 'search' : 'general', entry.correlationId);
    if (throttled) return throttled;
    if (fault?.kind === '429') {
      const policy = isSearch ? rateLimitPolicies.secondly : rateLimitPolicies.tenSecondly;
      return (limiter ?? new FakeRateLimiter({})).tooMany(policy, entry.correlationId);
    }
    if (fault?.kind === '5xx' && fault.timing === 'before') return serverError(fault);
    return undefined;
  }

  function process(entry: FakeRequestRecord, url: URL, text: string): FakeReply {
    let result: FakeReply;
    try {
      entry.body = parseBody(text);
      const context = {
        store,
        associations,
        method: entry.method,
        segments: [],
        query: url.searchParams,
        body: entry.body,
      };
      result = route(context, url.pathname);
    } catch (error) {
      if (!(error instanceof FakeHttpError)) throw error;
      result = { status: error.status, body: error.body };
    }
    for (const change of store.changes.splice(0)) webhooks.record(change);
    return result;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const text = await request.text();
    const entry: FakeRequestRecord = {
      method: request.method.toUpperCase(),
      path: url.pathname,
      query: url.search,
      body: undefined,
      status: 0,
      fault: undefined,
      correlationId: random.uuid(),
      atMs: Date.now(),
    };
    requests.push(entry);
    const isSearch = entry.method === 'POST' && url.pathname.endsWith('/search');

    if (entry.method === 'POST' && url.pathname === '/oauth/v1/token') {
      entry.body = Object.fromEntries(new URLSearchParams(text));
      return respond(entry, oauth.handleToken(new URLSearchParams(text)), true);
    }

    const fault = faults.pick({ method: entry.method, path: url.pathname });
    entry.fault = fault?.kind;
    if (fault?.kind === 'slow') await sleep(fault.slowMs, request.signal);
    if (fault?.kind === 'reset' && fault.timing === 'before') return dropConnection(entry);

    const early = gate(request, entry, fault, isSearch);
    if (early) return respond(entry, early, isSearch);
    const result = process(entry, url, text);
    if (fault?.kind === '5xx') return respond(entry, serverError(fault), isSearch);
    if (fault?.kind === 'reset') return dropConnection(entry);
    return respond(entry, result, isSearch);
  }

  return {
    /** The Fetch-API handler: `http.all('https://api.hubapi.com/*', ({ request }) => fake.fetch(request))` with msw. */
    fetch: handle,
    /** A core Transport that calls the handler directly; resets surface as thrown network errors. */
    transport: createHandlerTransport('fake-hubspot', handle) as Transport,
    /** Serves the fake over HTTP on 127.0.0.1; pass the returned `url` as the client's `baseUrl`. */
    listen: (listenOptions?: ListenOptions): Promise<ListeningServer> => listenHandler(handle, listenOptions),
    /** Random and scripted fault injection. */
    faults,
    /** The OAuth server: authorization codes, token expiry. */
    oauth,
    /** Webhook subscriptions and signed deliveries. */
    webhooks,
    /** Records, links and requests, for assertions. */
    state: createFakeState(store, associations, requests),
    /**
     * Adds a record directly, bypassing validation and rate limits, for test setup. Given
     * values win over generated ones, so `createdate` can be set.
     */
    seed(type: ObjectType, properties: Record<string, string>): FakeRecord {
      const record = store.create(type, { ...properties });
      Object.assign(record.properties, properties);
      store.changes.length = 0;
      return record;
    },
    /** Links two records directly, for test setup; `typeId` defaults to the pair's unlabeled type. */
    link(from: ObjectType, fromId: string, to: ObjectType, toId: string, typeId?: number): void {
      const associationTypeId = typeId ?? defaultAssociationTypeId(from, to);
      if (associationTypeId === undefined)
        throw new TypeError(`No default association type for ${from} -> ${to}; pass typeId.`);
      associations.add(from, fromId, to, toId, { associationCategory: 'HUBSPOT_DEFINED', associationTypeId });
    },
  };
}

export type FakeHubSpot = ReturnType<typeof createFakeHubSpot>;
