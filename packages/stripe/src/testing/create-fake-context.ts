import type { DecodedForm } from '../form/decode-form.js';
import type { FakeContext } from './fake-context.js';
import { FakeParams } from './fake-params.js';
import type { PipelineRuntime } from './fake-pipeline-types.js';
import type { FakeAccountState, FakeEvent } from './fake-state.js';

/** Builds a handler context whose events are collected until the response is ready. */
export function createContext(
  runtime: PipelineRuntime,
  options: {
    account: FakeAccountState;
    params: DecodedForm;
    ids: string[];
    livemode: boolean;
    requestId: string;
    idempotencyKey: string | undefined;
    apiVersion: string;
  },
  events: FakeEvent[],
): FakeContext {
  const nowMs = runtime.now();
  return {
    account: options.account,
    params: new FakeParams(options.params),
    ids: options.ids,
    nowMs,
    livemode: options.livemode,
    requestId: options.requestId,
    idempotencyKey: options.idempotencyKey,
    newId: (prefix, length) => runtime.newId(prefix, length),
    nowSeconds: () => Math.floor(nowMs / 1000),
    save(collection, object) {
      collection.set(object.id, object);
      if (!options.account.order.has(object.id)) options.account.order.set(object.id, runtime.nextSequence());
      const versions = options.account.searchVersions.get(object.id) ?? [];
      versions.push({ visibleAtMs: nowMs + runtime.searchIndexLagMs, snapshot: structuredClone(object) });
      options.account.searchVersions.set(object.id, versions);
      return object;
    },
    emit(type, object, previousAttributes) {
      const event: FakeEvent = {
        id: runtime.newId('evt', 24),
        object: 'event',
        type,
        api_version: options.apiVersion,
        created: Math.floor(nowMs / 1000),
        livemode: options.livemode,
        pending_webhooks: runtime.countEndpoints(type),
        request: { id: options.requestId, idempotency_key: options.idempotencyKey ?? null },
        data: previousAttributes
          ? { object: structuredClone(object), previous_attributes: previousAttributes }
          : { object: structuredClone(object) },
      };
      options.account.events.set(event.id, event);
      options.account.order.set(event.id, runtime.nextSequence());
      events.push(event);
    },
  };
}
