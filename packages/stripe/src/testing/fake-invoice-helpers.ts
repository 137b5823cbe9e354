import type { Invoice, InvoiceItem } from '../schemas/invoice.js';
import type { FakeContext } from './fake-context.js';
import { noSuch, unexpectedState } from './fake-stripe-error.js';

export function findInvoice(context: FakeContext, id: string, param = 'id'): Invoice {
  const invoice = context.account.invoices.get(id);
  if (!invoice) throw noSuch('invoice', id, param);
  return invoice;
}

/** Recomputes totals from the lines after a line was added. */
export function withTotals(invoice: Invoice): Invoice {
  const total = (invoice.lines?.data ?? []).reduce((sum, line) => sum + line.amount, 0);
  return {
    ...invoice,
    subtotal: total,
    total,
    amount_due: total,
    amount_remaining: total - invoice.amount_paid,
  };
}

type InvoiceLine = NonNullable<Invoice['lines']>['data'][number];

/** Builds the invoice line that an attached invoice item shows as. */
export function lineFor(item: InvoiceItem): InvoiceLine {
  return {
    id: `il_${item.id.slice(3)}`,
    object: 'line_item',
    amount: item.amount,
    currency: item.currency,
    description: item.description ?? null,
    quantity: item.quantity ?? 1,
    metadata: item.metadata ?? {},
    invoice: item.invoice,
    parent: { type: 'invoice_item_details', invoice_item_details: { invoice_item: item.id } },
  };
}

export function requireStatus(invoice: Invoice, allowed: readonly string[], action: string): void {
  if (!allowed.includes(invoice.status ?? '')) {
    throw unexpectedState(
      'invoice_unexpected_state',
      `You can only ${action} an invoice whose status is ${allowed.join(' or ')}; ${invoice.id} is ${invoice.status}.`,
    );
  }
}
