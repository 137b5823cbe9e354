import type { Paginator } from '@patchbay/core';
import { z } from 'zod';
import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { type StripeRequester, stripePath } from '../client/stripe-requester.js';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import type { FormParams, FormValue } from '../form/encode-form.js';
import { normalizeCurrency } from '../money/currency-units.js';
import type { StripeList } from '../schemas/common.js';
import {
  type Invoice,
  type InvoiceItem,
  type InvoiceStatus,
  invoiceItemSchema,
  invoiceSchema,
} from '../schemas/invoice.js';

/** Parameters of creating a draft invoice. Fields: docs.stripe.com/api/invoices/create. */
export interface InvoiceCreateParams {
  customer: string;
  /** `send_invoice` emails the customer a payment page; `charge_automatically` charges a saved method. */
  collection_method?: 'charge_automatically' | 'send_invoice';
  /** Required by Stripe for `send_invoice`. */
  days_until_due?: number;
  currency?: string;
  description?: string;
  metadata?: Record<string, string>;
  /** Stripe finalizes and collects a draft on its own after about an hour when true. */
  auto_advance?: boolean;
  /**
   * Whether the customer's pending invoice items join this invoice. Stripe defaults to `exclude`
   * since API version 2022-08-01 (docs.stripe.com/changelog/2022-08-01).
   */
  pending_invoice_items_behavior?: 'include' | 'exclude';
  default_payment_method?: string;
  [param: string]: FormValue;
}

/** Parameters of adding an amount to an invoice. Fields: docs.stripe.com/api/invoiceitems/create. */
export interface InvoiceItemCreateParams {
  customer: string;
  /** The draft invoice to attach to; without it the item waits for the customer's next invoice. */
  invoice?: string;
  /** In the currency's smallest unit; negative for a credit. */
  amount: number;
  currency: string;
  description?: string;
  metadata?: Record<string, string>;
  [param: string]: FormValue;
}

export interface InvoicePayParams {
  /** Pays with this payment method instead of the invoice's or the customer's default. */
  payment_method?: string;
  /** Records a payment made outside Stripe, such as a bank transfer you reconciled. */
  paid_out_of_band?: boolean;
  off_session?: boolean;
  [param: string]: FormValue;
}

export interface InvoiceListParams {
  customer?: string;
  status?: InvoiceStatus;
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  [param: string]: FormValue;
}

const deletedInvoiceSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoice'),
  deleted: z.literal(true),
});

/**
 * Invoice operations. Each moves the invoice along Stripe's status machine:
 * draft -(finalize)-> open -(pay)-> paid, open -(void)-> void,
 * open -(markUncollectible)-> uncollectible -(pay or void)-> paid or void.
 * Source: docs.stripe.com/invoicing/integration/workflow-transitions.
 */
export interface InvoicesResource {
  create(params: InvoiceCreateParams, options?: StripeCallOptions): Promise<Invoice>;
  retrieve(id: string, options?: StripeCallOptions): Promise<Invoice>;
  /** Creates an invoice item, attached to `params.invoice` when given. */
  addItem(params: InvoiceItemCreateParams, options?: StripeCallOptions): Promise<InvoiceItem>;
  /** draft → open; emits `invoice.finalized`. */
  finalize(id: string, params?: { auto_advance?: boolean }, options?: StripeCallOptions): Promise<Invoice>;
  /** Emails an open `send_invoice` invoice to the customer; emits `invoice.sent`. */
  send(id: string, options?: StripeCallOptions): Promise<Invoice>;
  /** open or uncollectible → paid; a decline rejects with `StripeCardError` and emits `invoice.payment_failed`. */
  pay(id: string, params?: InvoicePayParams, options?: StripeCallOptions): Promise<Invoice>;
  /** open or uncollectible → void. */
  void(id: string, options?: StripeCallOptions): Promise<Invoice>;
  /** open → uncollectible. */
  markUncollectible(id: string, options?: StripeCallOptions): Promise<Invoice>;
  /** Deletes a draft; finalized invoices can only be voided. */
  deleteDraft(id: string, options?: StripeCallOptions): Promise<{ id: string; deleted: true }>;
  list(params?: InvoiceListParams, options?: StripeCallOptions): Paginator<StripeList<Invoice>, Invoice>;
}

export function createInvoicesResource(requester: StripeRequester): InvoicesResource {
  const path = (id: string) => stripePath`/v1/invoices/${requireId(id, 'id', 'in_')}`;
  const action = (id: string, name: string, params: FormParams, options: StripeCallOptions | undefined) =>
    requester.post(`${path(id)}/${name}`, params, invoiceSchema, options, `invoices.${name}`);

  return {
    create: async (params, options) => {
      requireId(params?.customer, 'customer', 'cus_');
      const currency = params.currency === undefined ? undefined : normalizeCurrency(params.currency);
      return requester.post(
        '/v1/invoices',
        { ...params, currency },
        invoiceSchema,
        options,
        'invoices.create',
      );
    },
    retrieve: async (id, options) =>
      requester.get(path(id), undefined, invoiceSchema, options, 'invoices.retrieve'),
    addItem: async (params, options) => {
      requireId(params?.customer, 'customer', 'cus_');
      if (params.invoice !== undefined) requireId(params.invoice, 'invoice', 'in_');
      if (!Number.isSafeInteger(params.amount) || params.amount === 0) {
        throw new StripeArgumentError(
          `amount must be a non-zero whole number in the currency's smallest unit; received ${String(params.amount)}.`,
          { argument: 'amount' },
        );
      }
      const currency = normalizeCurrency(params.currency);
      return requester.post(
        '/v1/invoiceitems',
        { ...params, currency },
        invoiceItemSchema,
        options,
        'invoiceitems.create',
      );
    },
    finalize: async (id, params = {}, options) => action(id, 'finalize', params, options),
    send: async (id, options) => action(id, 'send', {}, options),
    pay: async (id, params = {}, options) => action(id, 'pay', params, options),
    void: async (id, options) => action(id, 'void', {}, options),
    markUncollectible: async (id, options) => action(id, 'mark_uncollectible', {}, options),
    deleteDraft: async (id, options) =>
      requester.delete(path(id), deletedInvoiceSchema, options, 'invoices.delete'),
    list: (params = {}, options) => {
      if (params.customer !== undefined) requireId(params.customer, 'customer', 'cus_');
      return requester.list('/v1/invoices', params as FormParams, invoiceSchema, options, 'invoices.list');
    },
  };
}
