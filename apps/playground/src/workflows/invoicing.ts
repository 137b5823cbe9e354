import { PatchbayError } from '@patchbay/core';
import type { HubSpotClient } from '@patchbay/hubspot';
import { StripeCardError, type StripeClient } from '@patchbay/stripe';
import type { Lead } from '../leads/lead.js';
import type { Qualification } from '../leads/qualify.js';
import type { ProgressSink } from '../run/progress.js';
import type { PaymentOutcomeBook } from '../webhooks/payment-outcomes.js';
import { demoPipelineLabel, demoStages, testCardFor } from './demo-pipeline.js';

/** A deal the sales team won, ready to bill. */
export interface WonDeal {
  lead: Lead;
  qualification: Qualification;
  dealId: string;
  contactId: string;
}

export interface InvoicingResult {
  dealsWon: number;
  customersCreated: number;
  customersFound: number;
  invoicesSent: number;
  /** Outcomes the webhook endpoint recorded. */
  paid: number;
  paymentFailed: number;
  /** Invoices sent whose outcome did not arrive in time. */
  awaitingOutcome: string[];
  /** Deals skipped because an earlier run already billed them. */
  alreadyBilled: number;
  failed: Array<{ dealId: string; email: string; error: string }>;
}

export interface InvoicingOptions {
  hubspot: HubSpotClient;
  stripe: StripeClient;
  won: readonly WonDeal[];
  outcomes: PaymentOutcomeBook;
  progress: ProgressSink;
  /** Pay each invoice with a test card; off for live-mode keys, where customers pay for real. */
  settleWithTestCards: boolean;
  /** @default 60000 */
  outcomeTimeoutMs?: number;
  /** Deals billed at once. @default 4 */
  concurrency?: number;
}

const billedStages = new Set<string>([demoStages.invoiced, demoStages.paid, demoStages.followUp]);

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Bills won deals: closes them in HubSpot, finds or creates each Stripe customer, sends an invoice
 * built from the deal's line items, and (with test cards) pays it. Outcomes come back as signed
 * webhooks, which move each deal to Paid or Payment Follow-up; the run waits for them.
 */
export async function runInvoicing(options: InvoicingOptions): Promise<InvoicingResult> {
  const { hubspot, progress } = options;
  const result: InvoicingResult = {
    dealsWon: options.won.length,
    customersCreated: 0,
    customersFound: 0,
    invoicesSent: 0,
    paid: 0,
    paymentFailed: 0,
    awaitingOutcome: [],
    alreadyBilled: 0,
    failed: [],
  };
  if (options.won.length === 0) return result;

  const pipeline = (await hubspot.pipelines.resolveStage(demoStages.won, { pipeline: demoPipelineLabel }))
    .pipeline;
  const stageLabel = (id: unknown) => pipeline.stages.find((stage) => stage.id === id)?.label;
  const current = await hubspot.deals.batch.read(
    options.won.map((deal) => deal.dealId),
    { properties: ['dealstage'] },
  );
  const billed = new Set(
    current.results
      .filter((item) => billedStages.has(stageLabel(item.value.properties.dealstage) ?? ''))
      .map((item) => item.input),
  );
  const toBill = options.won.filter((deal) => !billed.has(deal.dealId));
  result.alreadyBilled = options.won.length - toBill.length;

  const wonStage = pipeline.stages.find((stage) => stage.label === demoStages.won)?.id as string;
  await hubspot.deals.batch.update(
    toBill.map((deal) => ({ id: deal.dealId, properties: { dealstage: wonStage } })),
  );
  const lineItems = await readLineItems(
    hubspot,
    toBill.map((deal) => deal.dealId),
  );

  const step = progress.step('Invoicing won deals', toBill.length);
  const invoiceIds: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < toBill.length) {
      const deal = toBill[next] as WonDeal;
      next += 1;
      try {
        const invoiceId = await billDeal(options, deal, lineItems.get(deal.dealId) ?? [], result);
        invoiceIds.push(invoiceId);
      } catch (error) {
        result.failed.push({ dealId: deal.dealId, email: deal.lead.email, error: describe(error) });
      }
      step.advance();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  step.done(
    `${result.invoicesSent} invoices sent to ${result.customersCreated} new and ${result.customersFound} existing customers, ${result.failed.length} failed`,
  );

  if (options.settleWithTestCards) {
    result.awaitingOutcome = await options.outcomes.waitFor(invoiceIds, options.outcomeTimeoutMs ?? 60_000);
    for (const id of invoiceIds) {
      const outcome = options.outcomes.get(id);
      if (outcome === 'paid') result.paid += 1;
      else if (outcome === 'failed') result.paymentFailed += 1;
    }
    progress.line(
      `Payment outcomes by webhook: ${result.paid} paid, ${result.paymentFailed} failed, ${result.awaitingOutcome.length} still waiting`,
    );
  } else {
    result.awaitingOutcome = invoiceIds;
  }
  return result;
}

interface LineItem {
  name: string;
  quantity: number;
  price: number;
}

async function readLineItems(
  hubspot: HubSpotClient,
  dealIds: readonly string[],
): Promise<Map<string, LineItem[]>> {
  const linked = await hubspot.associations.batchRead('deals', 'line_items', dealIds);
  const ids = [...new Set([...linked.values()].flat().map((link) => String(link.toObjectId)))];
  const items = await hubspot.lineItems.batch.read(ids, { properties: ['name', 'quantity', 'price'] });
  const byId = new Map(items.results.map((item) => [item.value.id, item.value.properties]));
  const result = new Map<string, LineItem[]>();
  for (const [dealId, links] of linked) {
    result.set(
      dealId,
      links.flatMap((link) => {
        const properties = byId.get(String(link.toObjectId));
        if (!properties) return [];
        return [
          {
            name: String(properties.name),
            quantity: Number(properties.quantity),
            price: Number(properties.price),
          },
        ];
      }),
    );
  }
  return result;
}

async function billDeal(
  options: InvoicingOptions,
  deal: WonDeal,
  items: readonly LineItem[],
  result: InvoicingResult,
): Promise<string> {
  if (items.length === 0) throw new Error(`deal ${deal.dealId} has no line items to invoice`);
  const { stripe, hubspot } = options;
  const name = [deal.lead.firstName, deal.lead.lastName].filter(Boolean).join(' ') || undefined;
  const found = await stripe.findOrCreateCustomer({
    email: deal.lead.email,
    name,
    metadata: { hubspot_contact_id: deal.contactId },
  });
  if (found.created) result.customersCreated += 1;
  else result.customersFound += 1;

  // The invoice key is derived from the deal, so a re-run replays this invoice instead of sending another.
  const { invoice } = await stripe.createAndSendInvoice({
    customer: found.customer.id,
    currency: 'usd',
    lines: items.map((item) => ({
      description: `${item.name} x ${item.quantity}`,
      amount: Math.round(item.quantity * item.price * 100),
    })),
    metadata: { hubspot_deal_id: deal.dealId },
    idempotencyKey: `hubspot-deal-${deal.dealId}-invoice`,
  });
  result.invoicesSent += 1;
  await hubspot.deals.moveToStage(deal.dealId, { stage: demoStages.invoiced, pipeline: demoPipelineLabel });

  if (options.settleWithTestCards) {
    const method = await stripe.paymentMethods.attach(testCardFor(deal.lead.email), {
      customer: found.customer.id,
    });
    try {
      await stripe.invoices.pay(
        invoice.id,
        { payment_method: method.id },
        { idempotencyKey: `hubspot-deal-${deal.dealId}-payment` },
      );
    } catch (error) {
      // A declined card is an outcome, not a failure of the run: the webhook reports it.
      if (!StripeCardError.isInstance(error))
        throw PatchbayError.isInstance(error) ? error : new Error(describe(error));
    }
  }
  return invoice.id;
}
