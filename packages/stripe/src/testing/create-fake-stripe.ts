import type { Transport } from '@patchbay/core';
import type { PaymentIntent } from '../schemas/payment-intent.js';
import { createContext } from './create-fake-context.js';
import { createFakeTransport, createFetchHandler } from './fake-adapters.js';
import { FakeFaults } from './fake-faults.js';
import { FakeIdempotency } from './fake-idempotency.js';
import { runPipeline } from './fake-pipeline.js';
import type { FakeIncoming, FakeOutcome, PipelineRuntime } from './fake-pipeline-types.js';
import type { FakeRequestRecord } from './fake-request-log.js';
import { type FakeServer, type ListenOptions, listenFake } from './fake-server.js';
import {
  createAccountState,
  type FakeAccountState,
  type FakeEvent,
  type FakeStateView,
  viewOf,
} from './fake-state.js';
import { type FakeWebhookOptions, FakeWebhooks } from './fake-webhooks.js';
import { idGenerator, seededRandom } from './seeded-random.js';

export interface FakeStripeOptions {
  /**
   * Time before a write shows in search results, in milliseconds. Stripe documents "under 1
   * minute" in normal operation (docs.stripe.com/search); the default is shorter so tests can
   * wait it out, and 0 makes search consistent.
   * @default 1000
   */
  searchIndexLagMs?: number;
  /** The fake's clock in epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Seed of generated ids, so runs are repeatable. @default a random seed */
  seed?: number;
  /** API version of events when a request sends no `Stripe-Version`. @default '2026-07-29.dahlia' */
  defaultApiVersion?: string;
  /** Only these keys are accepted; others get 401. @default any sk_ or rk_ key */
  apiKeys?: readonly string[];
  /** Keys that may only read, like a restricted key without write permissions: writes get 403. */
  readOnlyKeys?: readonly string[];
  webhooks?: FakeWebhookOptions;
}

/** A stateful in-memory Stripe for tests. */
export interface FakeStripe {
  /** A Fetch API handler; with msw: `http.all('https://api.stripe.com/*', ({ request }) => fake.fetch(request))`. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** A core transport that calls the fake directly: pass it as the client's `transport`. */
  readonly transport: Transport;
  /** Serves the fake over HTTP on 127.0.0.1; pass the returned `url` as the client's `baseUrl`. */
  listen(options?: ListenOptions): Promise<FakeServer>;
  /** The platform account's objects. */
  readonly state: FakeStateView;
  /** A connected account's objects (`Stripe-Account: acct_...`). */
  stateOf(accountId: string): FakeStateView;
  /** Every request received, in order. */
  readonly requests: readonly FakeRequestRecord[];
  readonly faults: FakeFaults;
  readonly webhooks: FakeWebhooks;
  /**
   * Records an event and sends it to webhook endpoints, for types the fake never produces itself,
   * such as `customer.subscription.updated`.
   */
  triggerEvent(
    type: string,
    object: unknown,
    options?: { account?: string; previousAttributes?: Record<string, unknown> },
  ): FakeEvent;
  /**
   * Finishes 3D Secure for a payment intent in `requires_action`, as the customer's browser
   * would: `succeeded` completes the payment, `failed` returns it to `requires_payment_method`.
   */
  completeAuthentication(
    paymentIntentId: string,
    outcome: 'succeeded' | 'failed',
    options?: { account?: string },
  ): PaymentIntent;
  /** Forgets all objects, idempotency keys, requests and faults; endpoints stay registered. */
  reset(): void;
}

const platform = 'acct_platform';

/** Creates a fake Stripe with its own state. */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripe {
  const now = options.now ?? Date.now;
  const newId = idGenerator(seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32)));
  const accounts = new Map<string, FakeAccountState>();
  const log: FakeRequestRecord[] = [];
  const faults = new FakeFaults();
  const idempotency = new FakeIdempotency();
  const webhooks = new FakeWebhooks(options.webhooks ?? {}, now, newId);
  let sequence = 0;

  const account = (id: string | undefined): FakeAccountState => {
    const key = id ?? platform;
    let state = accounts.get(key);
    if (!state) {
      state = createAccountState(key);
      accounts.set(key, state);
    }
    return state;
  };

  const runtime: PipelineRuntime = {
    now,
    newId,
    account,
    nextSequence: () => {
      sequence += 1;
      return sequence;
    },
    searchIndexLagMs: options.searchIndexLagMs ?? 1000,
    defaultApiVersion: options.defaultApiVersion ?? '2026-07-29.dahlia',
    apiKeys: options.apiKeys,
    readOnlyKeys: options.readOnlyKeys ?? [],
    faults,
    idempotency,
    log,
    dispatch: (event) => webhooks.dispatch(event),
    countEndpoints: (type) => webhooks.countFor(type),
  };

  const handle = (incoming: FakeIncoming): Promise<FakeOutcome> => runPipeline(runtime, incoming);
  const contextFor = (accountId: string | undefined, events: FakeEvent[]) =>
    createContext(
      runtime,
      {
        account: account(accountId),
        params: {},
        ids: [],
        livemode: false,
        requestId: newId('req'),
        idempotencyKey: undefined,
        apiVersion: runtime.defaultApiVersion,
      },
      events,
    );

  return {
    fetch: createFetchHandler(handle),
    transport: createFakeTransport(handle),
    listen: (listenOptions) => listenFake(handle, listenOptions),
    get state() {
      return viewOf(account(undefined));
    },
    stateOf: (accountId) => viewOf(account(accountId)),
    requests: log,
    faults,
    webhooks,
    triggerEvent(type, object, eventOptions = {}) {
      const events: FakeEvent[] = [];
      contextFor(eventOptions.account, events).emit(type, object, eventOptions.previousAttributes);
      for (const event of events) webhooks.dispatch(event);
      return events[0] as FakeEvent;
    },
    completeAuthentication(paymentIntentId, outcome, authOptions = {}) {
      const events: FakeEvent[] = [];
      const context = contextFor(authOptions.account, events);
      const current = context.account.paymentIntents.get(paymentIntentId);
      if (current?.status !== 'requires_action') {
        throw new TypeError(
          `Payment intent ${paymentIntentId} is ${current ? current.status : 'unknown'}, not requires_action.`,
        );
      }
      const next: PaymentIntent =
        outcome === 'succeeded'
          ? {
              ...structuredClone(current),
              status: 'succeeded',
              amount_received: current.amount,
              latest_charge: newId('ch', 24),
              next_action: null,
            }
          : {
              ...structuredClone(current),
              status: 'requires_payment_method',
              payment_method: null,
              next_action: null,
              last_payment_error: {
                type: 'card_error',
                code: 'payment_intent_authentication_failure',
                message: 'The provided PaymentMethod has failed authentication.',
              },
            };
      context.save(context.account.paymentIntents, next);
      context.emit(
        outcome === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed',
        next,
      );
      for (const event of events) webhooks.dispatch(event);
      return next;
    },
    reset() {
      accounts.clear();
      log.length = 0;
      faults.clear();
      idempotency.clear();
      sequence = 0;
    },
  };
}
