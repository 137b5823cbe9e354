import type { Invoice, InvoiceItem } from '../schemas/invoice.js';
import type { FakeContext, FakeRouteHandler } from './fake-context.js';
import { findCustomer } from './fake-customers.js';
import { findInvoice, lineFor, withTotals } from './fake-invoice-helpers.js';
import { listResponse } from './fake-lists.js';
import { applyMetadata } from './fake-params.js';
import { invalidParam, missingParam, noSuch, unexpectedState } from './fake-stripe-error.js';

function targetInvoice(
  context: FakeContext,
  id: string | undefined,
  customer: string,
  currency: string,
): Invoice | undefined {
  if (id === undefined) return undefined;
  const invoice = findInvoice(context, id, 'invoice');
  if (invoice.status !== 'draft') {
    throw unexpectedState(
      'invoice_not_editable',
      `Invoice ${id} is ${invoice.status}; items can only be added to a draft invoice.`,
    );
  }
  if (invoice.customer !== customer)
    throw invalidParam('invoice', `Invoice ${id} belongs to another customer.`);
  if (invoice.currency !== currency)
    throw invalidParam(
      'currency',
      `The currency ${currency} does not match invoice ${id} (${invoice.currency}).`,
    );
  return invoice;
}

const createItem: FakeRouteHandler = (context) => {
  const customer = findCustomer(context, context.params.requiredString('customer'), 'customer');
  const amount = context.params.integer('amount');
  if (amount === undefined) throw missingParam('amount');
  const invoiceId = context.params.string('invoice');
  const currency = (
    context.params.string('currency') ??
    (invoiceId ? context.account.invoices.get(invoiceId)?.currency : undefined)
  )?.toLowerCase();
  if (currency === undefined) throw missingParam('currency');
  const invoice = targetInvoice(context, invoiceId, customer.id, currency);

  const item: InvoiceItem = {
    id: context.newId('ii', 24),
    object: 'invoiceitem',
    amount,
    currency,
    customer: customer.id,
    date: context.nowSeconds(),
    description: context.params.nullableString('description') ?? null,
    invoice: invoice?.id ?? null,
    livemode: context.livemode,
    metadata: applyMetadata({}, context.params),
    quantity: 1,
    proration: false,
  };
  context.save(context.account.invoiceItems, item);
  if (invoice) {
    const next = withTotals({
      ...structuredClone(invoice),
      lines: {
        ...(invoice.lines ?? { object: 'list', data: [], has_more: false }),
        data: [...(invoice.lines?.data ?? []), lineFor(item)],
      },
    });
    context.save(context.account.invoices, next);
  }
  context.emit('invoiceitem.created', item);
  return item;
};

export const invoiceItemRoutes: Array<[string, string, FakeRouteHandler]> = [
  ['POST', '/v1/invoiceitems', createItem],
  [
    'GET',
    '/v1/invoiceitems',
    (context) => {
      const customer = context.params.string('customer');
      const invoice = context.params.string('invoice');
      return listResponse(
        context,
        '/v1/invoiceitems',
        'invoiceitem',
        context.account.invoiceItems,
        (item) =>
          (customer === undefined || item.customer === customer) &&
          (invoice === undefined || item.invoice === invoice),
      );
    },
  ],
  [
    'GET',
    '/v1/invoiceitems/:id',
    (context) => {
      const item = context.account.invoiceItems.get(context.ids[0] as string);
      if (!item) throw noSuch('invoiceitem', context.ids[0] as string);
      return item;
    },
  ],
];
