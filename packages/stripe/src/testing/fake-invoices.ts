import type { Invoice, InvoiceItem } from '../schemas/invoice.js';
import type { FakeRouteHandler } from './fake-context.js';
import { findCustomer } from './fake-customers.js';
import { findInvoice, lineFor, requireStatus, withTotals } from './fake-invoice-helpers.js';
import { pay } from './fake-invoice-payment.js';
import { listResponse } from './fake-lists.js';
import { applyMetadata } from './fake-params.js';
import { missingParam, unexpectedState } from './fake-stripe-error.js';

// Status machine and the event each transition emits.
// Source: docs.stripe.com/invoicing/integration/workflow-transitions.
// Stripe does not document per endpoint the error code of a transition from the wrong status, so
// the fake returns 400 `invoice_unexpected_state`, and `invoice_not_editable` for changes to a
// finalized invoice.

const createInvoice: FakeRouteHandler = (context) => {
  const customer = findCustomer(context, context.params.requiredString('customer'), 'customer');
  const collection =
    context.params.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const) ??
    'charge_automatically';
  const daysUntilDue = context.params.integer('days_until_due');
  if (collection === 'send_invoice' && daysUntilDue === undefined && !context.params.has('due_date'))
    throw missingParam('days_until_due');
  const behavior =
    context.params.oneOf('pending_invoice_items_behavior', ['include', 'exclude'] as const) ?? 'exclude';
  const pending = [...context.account.invoiceItems.values()].filter(
    (item) => item.customer === customer.id && !item.invoice,
  );
  const currency = (
    context.params.string('currency') ??
    pending[0]?.currency ??
    customer.currency ??
    'usd'
  ).toLowerCase();

  const id = context.newId('in', 24);
  const created = context.nowSeconds();
  let invoice: Invoice = {
    id,
    object: 'invoice',
    customer: customer.id,
    customer_email: customer.email ?? null,
    status: 'draft',
    created,
    currency,
    amount_due: 0,
    amount_paid: 0,
    amount_remaining: 0,
    total: 0,
    subtotal: 0,
    attempt_count: 0,
    attempted: false,
    auto_advance: context.params.boolean('auto_advance') ?? collection === 'charge_automatically',
    collection_method: collection,
    description: context.params.nullableString('description') ?? null,
    due_date:
      daysUntilDue === undefined
        ? (context.params.integer('due_date') ?? null)
        : created + daysUntilDue * 86_400,
    number: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    default_payment_method: context.params.string('default_payment_method') ?? null,
    lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: context.livemode,
    metadata: applyMetadata({}, context.params),
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
  };
  if (behavior === 'include') {
    for (const item of pending.filter((candidate) => candidate.currency === currency)) {
      const attached: InvoiceItem = { ...item, invoice: id };
      context.save(context.account.invoiceItems, attached);
      invoice.lines?.data.push(lineFor(attached));
    }
    invoice = withTotals(invoice);
  }
  context.save(context.account.invoices, invoice);
  context.emit('invoice.created', invoice);
  return invoice;
};

const finalize: FakeRouteHandler = (context) => {
  const current = findInvoice(context, context.ids[0] as string);
  requireStatus(current, ['draft'], 'finalize');
  const customer = context.account.customers.get(current.customer as string);
  context.account.finalizedInvoices += 1;
  const now = context.nowSeconds();
  let next: Invoice = {
    ...structuredClone(current),
    status: 'open',
    number: `${(customer?.invoice_prefix as string | undefined) ?? 'FAKE'}-${String(context.account.finalizedInvoices).padStart(4, '0')}`,
    hosted_invoice_url: `https://invoice.stripe.fake.invalid/i/${current.id}`,
    invoice_pdf: `https://pay.stripe.fake.invalid/invoice/${current.id}/pdf`,
    auto_advance: context.params.boolean('auto_advance') ?? current.auto_advance,
    status_transitions: { ...current.status_transitions, finalized_at: now },
  };
  context.save(context.account.invoices, next);
  context.emit('invoice.finalized', next);
  if (next.amount_due === 0) {
    // Stripe marks an invoice with nothing due as paid when it is finalized.
    next = { ...next, status: 'paid', status_transitions: { ...next.status_transitions, paid_at: now } };
    context.save(context.account.invoices, next);
    context.emit('invoice.paid', next);
  }
  return next;
};

const send: FakeRouteHandler = (context) => {
  const current = findInvoice(context, context.ids[0] as string);
  requireStatus(current, ['open'], 'send');
  if (current.collection_method !== 'send_invoice') {
    throw unexpectedState(
      'invoice_unexpected_state',
      'You can only send invoices whose collection_method is send_invoice.',
    );
  }
  context.emit('invoice.sent', current);
  return current;
};

function transition(
  status: 'void' | 'uncollectible',
  from: readonly string[],
  eventType: string,
  stamp: string,
): FakeRouteHandler {
  return (context) => {
    const current = findInvoice(context, context.ids[0] as string);
    requireStatus(current, from, status === 'void' ? 'void' : 'mark uncollectible');
    const next: Invoice = {
      ...structuredClone(current),
      status,
      status_transitions: { ...current.status_transitions, [stamp]: context.nowSeconds() },
    };
    context.save(context.account.invoices, next);
    context.emit(eventType, next);
    return next;
  };
}

const deleteDraft: FakeRouteHandler = (context) => {
  const current = findInvoice(context, context.ids[0] as string);
  if (current.status !== 'draft')
    throw unexpectedState(
      'invoice_not_editable',
      'You can only delete draft invoices; void a finalized invoice instead.',
    );
  context.account.invoices.delete(current.id);
  for (const item of context.account.invoiceItems.values()) {
    if (item.invoice === current.id) context.account.invoiceItems.set(item.id, { ...item, invoice: null });
  }
  context.emit('invoice.deleted', current);
  return { id: current.id, object: 'invoice', deleted: true };
};

export const invoiceRoutes: Array<[string, string, FakeRouteHandler]> = [
  ['POST', '/v1/invoices', createInvoice],
  [
    'GET',
    '/v1/invoices',
    (context) => {
      const customer = context.params.string('customer');
      const status = context.params.string('status');
      return listResponse(
        context,
        '/v1/invoices',
        'invoice',
        context.account.invoices,
        (invoice) =>
          (customer === undefined || invoice.customer === customer) &&
          (status === undefined || invoice.status === status),
      );
    },
  ],
  ['GET', '/v1/invoices/:id', (context) => findInvoice(context, context.ids[0] as string)],
  ['DELETE', '/v1/invoices/:id', deleteDraft],
  ['POST', '/v1/invoices/:id/finalize', finalize],
  ['POST', '/v1/invoices/:id/send', send],
  ['POST', '/v1/invoices/:id/pay', pay],
  [
    'POST',
    '/v1/invoices/:id/void',
    transition('void', ['open', 'uncollectible'], 'invoice.voided', 'voided_at'),
  ],
  [
    'POST',
    '/v1/invoices/:id/mark_uncollectible',
    transition('uncollectible', ['open'], 'invoice.marked_uncollectible', 'marked_uncollectible_at'),
  ],
];
