import type { Paginator, ResponseSchema } from '@patchbay/core';
import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { type StripeRequester, stripePath } from '../client/stripe-requester.js';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import type { FormParams, FormValue } from '../form/encode-form.js';
import type { StripeList, StripeSearchResult } from '../schemas/common.js';
import {
  type Customer,
  customerSchema,
  type DeletedCustomer,
  deletedCustomerSchema,
} from '../schemas/customer.js';

/**
 * Parameters of creating or updating a customer. Other Stripe parameters pass through as given.
 * Fields: docs.stripe.com/api/customers/create.
 */
export interface CustomerParams {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  description?: string | null;
  /** `{ key: 'value' }` sets keys; an empty string unsets one key, `null` unsets all. */
  metadata?: Record<string, string> | null;
  payment_method?: string;
  invoice_settings?: { default_payment_method?: string | null; [field: string]: FormValue };
  [param: string]: FormValue;
}

/** Filters of listing customers. */
export interface CustomerListParams {
  /** Exact and case-sensitive: `Ann@Example.com` does not match `ann@example.com`. */
  email?: string;
  /** Page size, 1 to 100. @default 10 (Stripe's default) */
  limit?: number;
  starting_after?: string;
  /** Walks backwards from this id instead of forwards. */
  ending_before?: string;
  created?: { gt?: number; gte?: number; lt?: number; lte?: number } | number;
  [param: string]: FormValue;
}

/** A search in Stripe's query language, such as `email:'ann@example.com'`. */
export interface CustomerSearchParams {
  query: string;
  /** Page size, 1 to 100. @default 10 (Stripe's default) */
  limit?: number;
}

// Picks the schema by the `deleted` flag instead of trying both as a union would: a live
// customer, the common case, is validated once.
const customerOrDeletedSchema: ResponseSchema<Customer | DeletedCustomer> = {
  safeParse: (data) =>
    (data as { deleted?: unknown } | null)?.deleted === true
      ? deletedCustomerSchema.safeParse(data)
      : customerSchema.safeParse(data),
};

export interface CustomersResource {
  create(params: CustomerParams, options?: StripeCallOptions): Promise<Customer>;
  /** Resolves to `{ id, object, deleted: true }` for a deleted customer. */
  retrieve(id: string, options?: StripeCallOptions): Promise<Customer | DeletedCustomer>;
  update(id: string, params: CustomerParams, options?: StripeCallOptions): Promise<Customer>;
  del(id: string, options?: StripeCallOptions): Promise<DeletedCustomer>;
  /** Newest first; `for await` walks every page. Consistent right after a write. */
  list(params?: CustomerListParams, options?: StripeCallOptions): Paginator<StripeList<Customer>, Customer>;
  /**
   * Searches customers. Search is eventually consistent: a customer created or changed in the
   * last minute, or longer during an incident, may be missing or stale. Use `list` with `email`
   * to read your own writes. Source: docs.stripe.com/search ("Data freshness").
   */
  search(
    params: CustomerSearchParams,
    options?: StripeCallOptions,
  ): Paginator<StripeSearchResult<Customer>, Customer>;
}

export function createCustomersResource(requester: StripeRequester): CustomersResource {
  return {
    create: async (params, options) =>
      requester.post('/v1/customers', params, customerSchema, options, 'customers.create'),
    retrieve: async (id, options) =>
      requester.get(
        stripePath`/v1/customers/${requireId(id, 'id', 'cus_')}`,
        undefined,
        customerOrDeletedSchema,
        options,
        'customers.retrieve',
      ),
    update: async (id, params, options) =>
      requester.post(
        stripePath`/v1/customers/${requireId(id, 'id', 'cus_')}`,
        params,
        customerSchema,
        options,
        'customers.update',
      ),
    del: async (id, options) =>
      requester.delete(
        stripePath`/v1/customers/${requireId(id, 'id', 'cus_')}`,
        deletedCustomerSchema,
        options,
        'customers.del',
      ),
    list: (params = {}, options) =>
      requester.list('/v1/customers', params as FormParams, customerSchema, options, 'customers.list'),
    search: (params, options) => {
      if (typeof params?.query !== 'string' || params.query.trim() === '') {
        throw new StripeArgumentError(
          `customers.search needs a query such as "email:'ann@example.com'"; received ${JSON.stringify(params?.query)}.`,
          {
            argument: 'query',
          },
        );
      }
      return requester.search(
        '/v1/customers/search',
        { ...params },
        customerSchema,
        options,
        'customers.search',
      );
    },
  };
}
