import { requireId } from '../client/require-id.js';
import type { StripeCallOptions } from '../client/stripe-call-options.js';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import { assertMinorUnitAmount, normalizeCurrency } from '../money/currency-units.js';
import type { Invoice, InvoiceItem } from '../schemas/invoice.js';
import type { InvoicesResource } from './invoices.js';

export interface InvoiceLine {
  description: string;
  /** Line total in the currency's smallest unit, a positive whole number. */
  amount: number;
  metadata?: Record<string, string>;
}

export interface CreateAndSendInvoiceInput {
  customer: string;
  currency: string;
  lines: readonly InvoiceLine[];
  /** Days the customer has to pay. @default 30 */
  daysUntilDue?: number;
  description?: string;
  metadata?: Record<string, string>;
  /**
   * Identifies this invoice across re-runs, such as `order-42-invoice`. Each step's key is
   * derived from it, so running the whole helper again with the same key and input replays the
   * steps that already happened instead of creating a second invoice or duplicate lines. Without
   * it a random key is used, which protects retries inside one call only.
   */
  idempotencyKey?: string;
}

export interface CreateAndSendInvoiceResult {
  /** The invoice after sending: status `open`, with `hosted_invoice_url` and `number` set. */
  invoice: Invoice;
  items: InvoiceItem[];
}

function checkInput(input: CreateAndSendInvoiceInput): { currency: string; daysUntilDue: number } {
  requireId(input?.customer, 'customer', 'cus_');
  const currency = normalizeCurrency(input.currency);
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    throw new StripeArgumentError(
      'lines must contain at least one line; an invoice without lines has nothing to collect.',
      {
        argument: 'lines',
      },
    );
  }
  input.lines.forEach((line, index) => {
    if (typeof line?.description !== 'string' || line.description.trim() === '') {
      throw new StripeArgumentError(`lines[${index}].description must be a non-empty string.`, {
        argument: `lines[${index}].description`,
      });
    }
    assertMinorUnitAmount(line.amount, currency, `lines[${index}].amount`);
  });
  const daysUntilDue = input.daysUntilDue ?? 30;
  if (!Number.isSafeInteger(daysUntilDue) || daysUntilDue < 1) {
    throw new StripeArgumentError(
      `daysUntilDue must be a whole number of days >= 1; received ${String(daysUntilDue)}.`,
      {
        argument: 'daysUntilDue',
      },
    );
  }
  if (
    input.idempotencyKey !== undefined &&
    (input.idempotencyKey.trim() === '' || input.idempotencyKey.length > 200)
  ) {
    throw new StripeArgumentError(
      'idempotencyKey must be 1 to 200 characters, leaving room for the step suffixes.',
      {
        argument: 'idempotencyKey',
      },
    );
  }
  return { currency, daysUntilDue };
}

/**
 * Builds `createAndSendInvoice`: creates a draft `send_invoice` invoice that ignores the
 * customer's other pending items, adds one invoice item per line, finalizes it and emails it.
 * Step keys are `<key>:invoice`, `<key>:item:<n>`, `<key>:finalize` and `<key>:send`. Stripe
 * keeps keys for at least 24 hours, so a re-run after that creates a new invoice.
 */
export function createInvoiceSender(invoices: InvoicesResource) {
  return async function createAndSendInvoice(
    input: CreateAndSendInvoiceInput,
    options: Pick<StripeCallOptions, 'signal' | 'stripeAccount' | 'retry' | 'timeout'> = {},
  ): Promise<CreateAndSendInvoiceResult> {
    const { currency, daysUntilDue } = checkInput(input);
    const key = input.idempotencyKey ?? `patchbay-invoice-${globalThis.crypto.randomUUID()}`;
    const step = (suffix: string) => ({ ...options, idempotencyKey: `${key}:${suffix}` });

    const draft = await invoices.create(
      {
        customer: input.customer,
        currency,
        collection_method: 'send_invoice',
        days_until_due: daysUntilDue,
        description: input.description,
        metadata: input.metadata,
        auto_advance: false,
        pending_invoice_items_behavior: 'exclude',
      },
      step('invoice'),
    );

    const items: InvoiceItem[] = [];
    for (const [index, line] of input.lines.entries()) {
      const item = await invoices.addItem(
        {
          customer: input.customer,
          invoice: draft.id,
          amount: line.amount,
          currency,
          description: line.description,
          metadata: line.metadata,
        },
        step(`item:${index}`),
      );
      items.push(item);
    }

    await invoices.finalize(draft.id, { auto_advance: false }, step('finalize'));
    const invoice = await invoices.send(draft.id, step('send'));
    return { invoice, items };
  };
}
