import type { Customer } from '../schemas/customer.js';
import type { Invoice, InvoiceItem } from '../schemas/invoice.js';
import type { PaymentIntent } from '../schemas/payment-intent.js';
import type { PaymentMethod } from '../schemas/payment-method.js';
import type { Refund } from '../schemas/refund.js';

/** An event as the fake stores and sends it. */
export interface FakeEvent {
  id: string;
  object: 'event';
  type: string;
  api_version: string;
  created: number;
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
}

/** A stored payment method: the clone of a test id created by attaching it, with that test id. */
export type FakePaymentMethod = PaymentMethod & { test_source: string };

/** Everything one Stripe account (the platform or a connected account) holds. */
export interface FakeAccountState {
  readonly id: string;
  readonly customers: Map<string, Customer>;
  readonly paymentMethods: Map<string, FakePaymentMethod>;
  readonly paymentIntents: Map<string, PaymentIntent>;
  readonly invoices: Map<string, Invoice>;
  readonly invoiceItems: Map<string, InvoiceItem>;
  readonly refunds: Map<string, Refund>;
  readonly events: Map<string, FakeEvent>;
  /** Creation order of every object, so lists come newest first even within one second. */
  readonly order: Map<string, number>;
  /** Search index entries per object: snapshots that become visible after the indexing lag. */
  readonly searchVersions: Map<string, Array<{ visibleAtMs: number; snapshot: unknown }>>;
  /** Invoices finalized so far, for invoice numbers. */
  finalizedInvoices: number;
}

export function createAccountState(id: string): FakeAccountState {
  return {
    id,
    customers: new Map(),
    paymentMethods: new Map(),
    paymentIntents: new Map(),
    invoices: new Map(),
    invoiceItems: new Map(),
    refunds: new Map(),
    events: new Map(),
    order: new Map(),
    searchVersions: new Map(),
    finalizedInvoices: 0,
  };
}

/** Read-only views of one account's objects, in creation order, for test assertions. */
export interface FakeStateView {
  readonly customers: readonly Customer[];
  readonly paymentMethods: readonly PaymentMethod[];
  readonly paymentIntents: readonly PaymentIntent[];
  readonly invoices: readonly Invoice[];
  readonly invoiceItems: readonly InvoiceItem[];
  readonly refunds: readonly Refund[];
  readonly events: readonly FakeEvent[];
}

function snapshot<T>(map: Map<string, T>): T[] {
  return [...map.values()].map((value) => structuredClone(value));
}

export function viewOf(state: FakeAccountState): FakeStateView {
  return {
    get customers() {
      return snapshot(state.customers);
    },
    get paymentMethods() {
      return snapshot(state.paymentMethods);
    },
    get paymentIntents() {
      return snapshot(state.paymentIntents);
    },
    get invoices() {
      return snapshot(state.invoices);
    },
    get invoiceItems() {
      return snapshot(state.invoiceItems);
    },
    get refunds() {
      return snapshot(state.refunds);
    },
    get events() {
      return snapshot(state.events);
    },
  };
}
