import { decodeForm } from '../form/decode-form.js';
import { createContext } from './create-fake-context.js';
import { expandFields } from './fake-expand.js';
import { type FakeFault, faultResponse } from './fake-faults.js';
import type { StoredResponse } from './fake-idempotency.js';
import type { FakeIncoming, FakeOutcome, PipelineRuntime } from './fake-pipeline-types.js';
import { readAccount, readApiKey, readApiVersion } from './fake-request-checks.js';
import type { FakeRequestRecord } from './fake-request-log.js';
import { matchRoute } from './fake-router.js';
import type { FakeAccountState, FakeEvent } from './fake-state.js';
import { type FakeErrorBody, FakeStripeError } from './fake-stripe-error.js';

function errorOutcome(status: number, error: FakeErrorBody, headers: Record<string, string>): FakeOutcome {
  return {
    kind: 'response',
    status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ error }, null, 2),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

interface CheckedRequest {
  key: string;
  apiVersion: string;
  account: FakeAccountState;
  route: NonNullable<ReturnType<typeof matchRoute>>;
}

function startRecord(
  runtime: PipelineRuntime,
  incoming: FakeIncoming,
  url: URL,
  method: string,
): FakeRequestRecord {
  const record: FakeRequestRecord = {
    requestId: runtime.newId('req'),
    method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: {
      ...incoming.headers,
      ...(incoming.headers.authorization ? { authorization: '[masked]' } : {}),
    },
    body: incoming.body,
    params: {},
    account: undefined,
    idempotencyKey: incoming.headers['idempotency-key'],
    status: undefined,
    replayed: false,
    fault: undefined,
    atMs: runtime.now(),
  };
  runtime.log.push(record);
  return record;
}

/** Authenticates, reads the version and account headers, decodes parameters and finds the route. */
function checkRequest(
  runtime: PipelineRuntime,
  incoming: FakeIncoming,
  url: URL,
  record: FakeRequestRecord,
  responseHeaders: Record<string, string>,
): CheckedRequest {
  const key = readApiKey(incoming.headers, runtime.apiKeys);
  const apiVersion = readApiVersion(incoming.headers, runtime.defaultApiVersion);
  responseHeaders['stripe-version'] = apiVersion;
  record.account = readAccount(incoming.headers);
  if (record.account) responseHeaders['stripe-account'] = record.account;

  if (record.method !== 'GET' && runtime.readOnlyKeys.includes(key)) {
    throw new FakeStripeError(403, {
      type: 'invalid_request_error',
      message: `The provided key '${key.slice(0, 8)}***' does not have the required permissions for this endpoint. Having the 'rak_write' permission would allow this request to continue.`,
    });
  }
  record.params = decodeForm(record.method === 'POST' ? incoming.body : url.search);
  const route = matchRoute(record.method, url.pathname);
  if (!route) {
    throw new FakeStripeError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${record.method}: ${url.pathname}).`,
    });
  }
  if (record.idempotencyKey !== undefined) responseHeaders['idempotency-key'] = record.idempotencyKey;
  return { key, apiVersion, account: runtime.account(record.account), route };
}

function outcomeOfError(
  error: unknown,
  responseHeaders: Record<string, string>,
): { outcome: FakeOutcome; saved: boolean } {
  if (error instanceof FakeStripeError) {
    return { outcome: errorOutcome(error.status, error.body, responseHeaders), saved: error.savedForReplay };
  }
  // A defect in the fake itself: respond with 500 and the reason instead of a silent reset.
  const message = error instanceof Error ? error.message : String(error);
  const body: FakeErrorBody = {
    type: 'api_error',
    message: `The fake Stripe failed while handling this request: ${message}`,
  };
  return { outcome: errorOutcome(500, body, responseHeaders), saved: false };
}

/** Replays a stored result, or runs the route handler and stores what the idempotency layer keeps. */
async function execute(
  runtime: PipelineRuntime,
  checked: CheckedRequest,
  record: FakeRequestRecord,
  fault: FakeFault | undefined,
  responseHeaders: Record<string, string>,
  events: FakeEvent[],
): Promise<FakeOutcome> {
  const decision = runtime.idempotency.decide({
    scope: checked.account.id,
    key: record.idempotencyKey,
    method: record.method,
    path: record.path,
    params: record.params,
    nowMs: runtime.now(),
    requestId: record.requestId,
  });
  if (decision.kind === 'replay') {
    record.replayed = true;
    const headers = { ...decision.response.headers, ...responseHeaders };
    Object.assign(headers, { 'idempotent-replayed': 'true', 'original-request': decision.originalRequestId });
    return { kind: 'response', status: decision.response.status, headers, body: decision.response.body };
  }

  const finish = (response: StoredResponse | undefined) => {
    if (decision.kind === 'run') decision.finish(response);
  };
  try {
    if (fault?.kind === 'slow') await sleep(fault.delayMs);
    const context = createContext(
      runtime,
      {
        account: checked.account,
        params: record.params,
        ids: checked.route.ids,
        livemode: checked.key.includes('_live_'),
        requestId: record.requestId,
        idempotencyKey: record.idempotencyKey,
        apiVersion: checked.apiVersion,
      },
      events,
    );
    const result = await checked.route.route.handler(context);
    const body = JSON.stringify(
      expandFields(checked.account, result, context.params.stringList('expand')),
      null,
      2,
    );
    const outcome: FakeOutcome = {
      kind: 'response',
      status: 200,
      headers: { ...responseHeaders, 'content-type': 'application/json' },
      body,
    };
    finish(outcome);
    return outcome;
  } catch (error) {
    const { outcome, saved } = outcomeOfError(error, responseHeaders);
    finish(saved ? (outcome as StoredResponse) : undefined);
    return outcome;
  }
}

/**
 * Handles one request like Stripe: faults, authentication, API version and account headers,
 * the idempotency layer, the route, then queued webhook events once the response is ready.
 */
export async function runPipeline(runtime: PipelineRuntime, incoming: FakeIncoming): Promise<FakeOutcome> {
  const url = new URL(incoming.url);
  const record = startRecord(runtime, incoming, url, incoming.method.toUpperCase());
  const responseHeaders: Record<string, string> = { 'request-id': record.requestId };
  const finish = (outcome: FakeOutcome): FakeOutcome => {
    record.status = outcome.kind === 'response' ? outcome.status : undefined;
    return outcome;
  };

  const fault = runtime.faults.take(record.method, record.path);
  if (fault) {
    record.fault = fault.kind;
    runtime.faults.applied.push({
      fault,
      method: record.method,
      path: record.path,
      requestId: record.requestId,
    });
    if (fault.kind === 'reset' && (fault.when ?? 'before-processing') === 'before-processing')
      return finish({ kind: 'reset' });
    const early = faultResponse(fault);
    if (early)
      return finish(
        errorOutcome(early.status, early.error, { ...responseHeaders, ...lowerCase(early.headers) }),
      );
  }

  const events: FakeEvent[] = [];
  let outcome: FakeOutcome;
  try {
    const checked = checkRequest(runtime, incoming, url, record, responseHeaders);
    outcome = await execute(runtime, checked, record, fault, responseHeaders, events);
  } catch (error) {
    outcome = outcomeOfError(error, responseHeaders).outcome;
  }

  for (const event of events) runtime.dispatch(event);
  // A reset after processing loses the response of a request that did run.
  if (fault?.kind === 'reset') return finish({ kind: 'reset' });
  return finish(outcome);
}
