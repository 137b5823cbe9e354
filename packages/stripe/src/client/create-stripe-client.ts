import {
  bearerAuth,
  type CircuitBreakerOptions,
  type Client,
  type ClientEvents,
  ConfigurationError,
  createClient,
  type EventBus,
  type LimiterStore,
  type Logger,
  type RequestBreaker,
  type RetryOptions,
  type TimeoutOptions,
  type Transport,
} from '@patchbay/core';
import { classifyStripeResponse } from '../errors/classify-stripe-response.js';
import {
  type CreateAndSendInvoiceInput,
  type CreateAndSendInvoiceResult,
  createInvoiceSender,
} from '../resources/create-and-send-invoice.js';
import { type CustomersResource, createCustomersResource } from '../resources/customers.js';
import {
  createCustomerFinder,
  type FindOrCreateCustomerInput,
  type FindOrCreateCustomerResult,
  type FindOrCreateOptions,
} from '../resources/find-or-create-customer.js';
import { createInvoicesResource, type InvoicesResource } from '../resources/invoices.js';
import {
  createPaymentHistory,
  type PaymentHistoryEntry,
  type PaymentHistoryOptions,
} from '../resources/payment-history.js';
import { createPaymentIntentsResource, type PaymentIntentsResource } from '../resources/payment-intents.js';
import { createPaymentMethodsResource, type PaymentMethodsResource } from '../resources/payment-methods.js';
import { createRefundsResource, type RefundsResource } from '../resources/refunds.js';
import { type StripeLimits, stripeRateLimits } from './rate-limit-presets.js';
import { requireId } from './require-id.js';
import { StripeRequester } from './stripe-requester.js';
import { type ApiKeyInfo, validateApiKey } from './validate-api-key.js';
import { validateApiVersion } from './validate-api-version.js';

export interface StripeClientOptions {
  /** A secret (`sk_...`) or restricted (`rk_...`) key; publishable keys and webhook secrets are rejected. */
  apiKey: string;
  /**
   * The API version every request is pinned to with `Stripe-Version`, such as
   * `2026-07-29.dahlia`. Required, so an account upgrade never changes response shapes.
   */
  apiVersion: string;
  /** Acts on this connected account (`acct_...`) on every request, through `Stripe-Account`. */
  stripeAccount?: string;
  /** @default 'https://api.stripe.com' */
  baseUrl?: string;
  /** @default core's default: undici on Node, ky over fetch elsewhere */
  transport?: Transport;
  /** @default core's: 3 retries, 500 ms initial backoff doubling to at most 30 s, full jitter */
  retry?: RetryOptions;
  /** @default core's: 30 s per attempt, 120 s per call */
  timeout?: TimeoutOptions;
  /**
   * Per-second limits of the read, write and search buckets, merged over the preset for the
   * key's mode (live 100/100/20, test 25/25/20). `false` turns the limiter off.
   */
  limits?: StripeLimits | false;
  /** Shares limiter state between clients or, with `@patchbay/redis`, between processes. */
  limiterStore?: LimiterStore;
  /** @default silent */
  logger?: Logger;
  /** @default none */
  breaker?: CircuitBreakerOptions | RequestBreaker;
}

/** A configured Stripe client. Every setting lives on the instance. */
export interface StripeClient {
  readonly customers: CustomersResource;
  readonly paymentIntents: PaymentIntentsResource;
  readonly paymentMethods: PaymentMethodsResource;
  readonly invoices: InvoicesResource;
  readonly refunds: RefundsResource;
  /** Typed request, response, retry, error and limiter events from core. */
  readonly events: EventBus<ClientEvents>;
  /** The underlying core client, for endpoints this package does not wrap. */
  readonly core: Client;
  /** The key's kind and mode, read from its prefix. */
  readonly key: ApiKeyInfo;
  readonly apiVersion: string;
  /** Finds a customer by email or creates exactly one, even under concurrency. */
  findOrCreateCustomer(
    input: FindOrCreateCustomerInput,
    options?: FindOrCreateOptions,
  ): Promise<FindOrCreateCustomerResult>;
  /** Creates, fills, finalizes and emails an invoice; safe to run again with the same key. */
  createAndSendInvoice(
    input: CreateAndSendInvoiceInput,
    options?: FindOrCreateOptions,
  ): Promise<CreateAndSendInvoiceResult>;
  /** A customer's payment intents, invoices and refunds, newest first. */
  paymentHistory(customerId: string, options?: PaymentHistoryOptions): Promise<PaymentHistoryEntry[]>;
  /** Closes the transport's pooled connections. */
  close(): Promise<void>;
}

/** Creates a Stripe client on the core pipeline, with Stripe's rules applied. */
export function createStripeClient(options: StripeClientOptions): StripeClient {
  if (!options || typeof options !== 'object') {
    throw new ConfigurationError('createStripeClient needs an options object with apiKey and apiVersion.', {
      service: 'stripe',
    });
  }
  const key = validateApiKey(options.apiKey);
  const apiVersion = validateApiVersion(options.apiVersion);
  const headers: Record<string, string> = { 'stripe-version': apiVersion };
  if (options.stripeAccount !== undefined) {
    try {
      headers['stripe-account'] = requireId(options.stripeAccount, 'stripeAccount', 'acct_');
    } catch (cause) {
      throw new ConfigurationError(
        `stripeAccount must be a connected account id (acct_...); received ${JSON.stringify(options.stripeAccount)}.`,
        {
          option: 'stripeAccount',
          service: 'stripe',
          cause,
        },
      );
    }
  }

  const core = createClient({
    service: 'stripe',
    baseUrl: options.baseUrl ?? 'https://api.stripe.com',
    auth: bearerAuth(options.apiKey),
    headers,
    userAgent: 'patchbay-stripe',
    transport: options.transport,
    retry: options.retry,
    timeout: options.timeout,
    limiter:
      options.limits === false
        ? undefined
        : { buckets: stripeRateLimits(key.mode, options.limits), store: options.limiterStore },
    breaker: options.breaker,
    // Stripe accepts a key on every POST; GET and DELETE are idempotent and carry none.
    // Source: docs.stripe.com/api/idempotent_requests.
    idempotency: { header: 'Idempotency-Key' },
    classify: classifyStripeResponse,
    requestIdHeader: 'request-id',
    logger: options.logger,
  });

  const requester = new StripeRequester(core);
  const customers = createCustomersResource(requester);
  const paymentIntents = createPaymentIntentsResource(requester);
  const invoices = createInvoicesResource(requester);
  const refunds = createRefundsResource(requester);

  return {
    customers,
    paymentIntents,
    paymentMethods: createPaymentMethodsResource(requester),
    invoices,
    refunds,
    events: core.events,
    core,
    key,
    apiVersion,
    findOrCreateCustomer: createCustomerFinder(customers),
    createAndSendInvoice: createInvoiceSender(invoices),
    paymentHistory: createPaymentHistory({ paymentIntents, invoices, refunds }),
    close: () => core.close(),
  };
}
