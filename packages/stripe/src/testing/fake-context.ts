import type { FakeParams } from './fake-params.js';
import type { FakeAccountState } from './fake-state.js';

/** The request data and helpers a route handler gets. */
export interface FakeContext {
  readonly account: FakeAccountState;
  /** The form body for POST, the query for GET and DELETE. */
  readonly params: FakeParams;
  /** Path parameters in order, such as the customer id of `/v1/customers/:id`. */
  readonly ids: readonly string[];
  readonly nowMs: number;
  readonly livemode: boolean;
  readonly requestId: string;
  readonly idempotencyKey: string | undefined;
  newId(prefix: string, length?: number): string;
  nowSeconds(): number;
  /** Stores an object and schedules its search-index update after the indexing lag. */
  save<T extends { id: string }>(collection: Map<string, T>, object: T): T;
  /** Records an event and queues it for every matching webhook endpoint. */
  emit(type: string, object: unknown, previousAttributes?: Record<string, unknown>): void;
}

/** A route handler. It returns the JSON body of a 200 response and throws FakeStripeError for errors. */
export type FakeRouteHandler = (context: FakeContext) => unknown | Promise<unknown>;
