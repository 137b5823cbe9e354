import type { FakeFaults } from './fake-faults.js';
import type { FakeIdempotency } from './fake-idempotency.js';
import type { FakeRequestRecord } from './fake-request-log.js';
import type { FakeAccountState, FakeEvent } from './fake-state.js';

/** A request in the form every adapter (fetch, transport, HTTP server) hands to the pipeline. */
export interface FakeIncoming {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/** A response, or a connection that closes without one. */
export type FakeOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'reset' };

/** The parts of the fake that the pipeline uses. */
export interface PipelineRuntime {
  now(): number;
  newId(prefix: string, length?: number): string;
  account(id: string | undefined): FakeAccountState;
  nextSequence(): number;
  searchIndexLagMs: number;
  defaultApiVersion: string;
  apiKeys: readonly string[] | undefined;
  readOnlyKeys: readonly string[];
  faults: FakeFaults;
  idempotency: FakeIdempotency;
  log: FakeRequestRecord[];
  /** Sends an event to webhook endpoints; returns how many endpoints it goes to. */
  dispatch(event: FakeEvent): number;
  countEndpoints(type: string): number;
}
