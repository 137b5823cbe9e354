import type { DecodedForm } from '../form/decode-form.js';
import type { FakeFault } from './fake-faults.js';

/** One request as the fake received it, with the response status. */
export interface FakeRequestRecord {
  requestId: string;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** Request headers with lower-case names; the authorization header is masked. */
  headers: Record<string, string>;
  /** The raw request body. */
  body: string;
  /** The decoded parameters: the body for POST, the query otherwise. */
  params: DecodedForm;
  /** `acct_...` from Stripe-Account, or `undefined` for the platform. */
  account: string | undefined;
  idempotencyKey: string | undefined;
  /** The response status, or `undefined` when the connection was reset. */
  status: number | undefined;
  /** The response was a stored idempotent result. */
  replayed: boolean;
  fault: FakeFault['kind'] | undefined;
  atMs: number;
}
