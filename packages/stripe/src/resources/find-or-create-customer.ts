import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import type { Customer } from '../schemas/customer.js';
import type { CustomersResource } from './customers.js';
import { deriveIdempotencyKey } from './derive-idempotency-key.js';

export interface FindOrCreateCustomerInput {
  /** Matched after trimming and lower-casing; a new customer is stored with that normalized form. */
  email: string;
  /** Set on the customer, found or created, when it differs. */
  name?: string;
  /** Merged into the customer's metadata, found or created, when a value differs. */
  metadata?: Record<string, string>;
}

export interface FindOrCreateCustomerResult {
  customer: Customer;
  /**
   * True when no customer was found and one was created, by this call or by a concurrent call
   * (in any process) that shared its idempotency key.
   */
  created: boolean;
  /** Other customers with the same email, which earlier integrations may have created. */
  duplicateIds: string[];
}

export type FindOrCreateOptions = Pick<StripeCallOptions, 'signal' | 'stripeAccount' | 'retry' | 'timeout'>;

/** Trims and lower-cases an email address, the form used to match and to create customers. */
export function normalizeEmail(email: unknown): string {
  const normalized = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw new StripeArgumentError(
      `email must be an email address such as "ann@example.com"; received ${JSON.stringify(email)}.`,
      {
        argument: 'email',
      },
    );
  }
  return normalized;
}

/** Sorts oldest first. Lists arrive newest first, so reversing before a stable sort on `created`
 * keeps customers created in the same second in their creation order. */
function oldestFirst(customers: Customer[]): Customer[] {
  return customers.reverse().sort((a, b) => a.created - b.created);
}

function quoteSearchValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function lookUp(
  customers: CustomersResource,
  email: string,
  given: string,
  options: FindOrCreateOptions,
) {
  const found = new Map<string, Customer>();
  // The list filter is exact and case-sensitive (docs.stripe.com/api/customers/list), so the
  // normalized form and the form as given (trimmed) are both tried.
  for (const candidate of new Set([email, given.trim()])) {
    for await (const customer of customers.list({ email: candidate, limit: 100 }, options))
      found.set(customer.id, customer);
  }
  if (found.size > 0) return [...found.values()];

  // A customer stored with other capitalization is invisible to the list filter. Search finds it
  // but lags writes (docs.stripe.com/search, "Data freshness"), so it is only a fallback.
  // NOTE: that Stripe search matches email case-insensitively is not confirmed by its docs.
  for await (const customer of customers.search(
    { query: `email:${quoteSearchValue(email)}`, limit: 100 },
    options,
  )) {
    if (customer.email?.trim().toLowerCase() === email) found.set(customer.id, customer);
  }
  return [...found.values()];
}

function needsUpdate(customer: Customer, input: FindOrCreateCustomerInput): boolean {
  if (input.name !== undefined && customer.name !== input.name) return true;
  return Object.entries(input.metadata ?? {}).some(([key, value]) => customer.metadata?.[key] !== value);
}

/**
 * Builds `findOrCreateCustomer`. It never creates a second customer for one email under
 * concurrency: calls in this process for the same email share one lookup, and the create
 * request's idempotency key is derived from the normalized email, so concurrent creators in other
 * processes get Stripe's replay of the same customer. The create sends only the email, because a
 * key must always come with identical parameters; name and metadata follow in an update.
 */
export function createCustomerFinder(customers: CustomersResource) {
  const inFlight = new Map<
    string,
    Promise<Omit<FindOrCreateCustomerResult, 'customer'> & { customer: Customer }>
  >();

  async function findOrCreate(email: string, given: string, options: FindOrCreateOptions) {
    const matches = oldestFirst(await lookUp(customers, email, given, options));
    const [oldest, ...others] = matches;
    if (oldest)
      return { customer: oldest, created: false, duplicateIds: others.map((customer) => customer.id) };

    const idempotencyKey = await deriveIdempotencyKey(
      'patchbay-customer',
      options.stripeAccount ?? '',
      email,
    );
    const customer = await customers.create({ email }, { ...options, idempotencyKey });
    return { customer, created: true, duplicateIds: [] };
  }

  return async function findOrCreateCustomer(
    input: FindOrCreateCustomerInput,
    options: FindOrCreateOptions = {},
  ): Promise<FindOrCreateCustomerResult> {
    const email = normalizeEmail(input?.email);
    if (options.stripeAccount !== undefined) requireId(options.stripeAccount, 'stripeAccount', 'acct_');
    const flightKey = `${options.stripeAccount ?? ''}\n${email}`;
    let flight = inFlight.get(flightKey);
    if (!flight) {
      flight = findOrCreate(email, input.email, options).finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, flight);
    }
    const result = await flight;
    if (!needsUpdate(result.customer, input)) return result;

    // Setting fields is safe to repeat, so the update gets a fresh key per call. A key derived from
    // the values would replay a stale customer after an intervening change.
    const customer = await customers.update(
      result.customer.id,
      { name: input.name, metadata: input.metadata },
      options,
    );
    return { ...result, customer };
  };
}
