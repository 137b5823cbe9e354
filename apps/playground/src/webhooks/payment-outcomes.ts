import type { HubSpotClient } from '@patchbay/hubspot';
import type { Invoice } from '@patchbay/stripe';
import { demoPipelineLabel, demoStages } from '../workflows/demo-pipeline.js';

export type PaymentOutcome = 'paid' | 'failed';

/** Outcomes recorded so far, by Stripe invoice id; the invoice workflow waits on it. */
export class PaymentOutcomeBook {
  readonly #outcomes = new Map<string, PaymentOutcome>();
  readonly #waiters = new Set<() => void>();

  record(invoiceId: string, outcome: PaymentOutcome): void {
    // A later success (a retried payment) replaces a failure, never the reverse.
    if (this.#outcomes.get(invoiceId) === 'paid') return;
    this.#outcomes.set(invoiceId, outcome);
    for (const wake of this.#waiters) wake();
  }

  get(invoiceId: string): PaymentOutcome | undefined {
    return this.#outcomes.get(invoiceId);
  }

  /** Waits until every invoice has an outcome, or until `timeoutMs`; returns those still missing. */
  async waitFor(invoiceIds: readonly string[], timeoutMs: number): Promise<string[]> {
    const missing = () => invoiceIds.filter((id) => !this.#outcomes.has(id));
    const deadline = Date.now() + timeoutMs;
    while (missing().length > 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(1, Math.min(250, deadline - Date.now())));
        this.#waiters.add(wake);
      });
    }
    return missing();
  }
}

/**
 * Moves the invoice's deal to Paid or Payment Follow-up and adds one note with the outcome. Both
 * steps are safe to repeat: the stage move is an update, and the note is created only when the
 * deal has no note carrying this invoice's marker yet, so a redelivered event adds no second note.
 */
export async function applyPaymentOutcome(
  hubspot: HubSpotClient,
  invoice: Invoice,
  outcome: PaymentOutcome,
): Promise<'applied' | 'no-deal'> {
  const dealId = invoice.metadata?.hubspot_deal_id;
  if (!dealId) return 'no-deal';
  await hubspot.deals.moveToStage(dealId, {
    stage: outcome === 'paid' ? demoStages.paid : demoStages.followUp,
    pipeline: demoPipelineLabel,
  });

  const marker = `[stripe:${invoice.id}:${outcome}]`;
  const linked = await hubspot.associations.batchRead('deals', 'notes', [dealId]);
  const noteIds = (linked.get(dealId) ?? []).map((link) => String(link.toObjectId));
  if (noteIds.length > 0) {
    const notes = await hubspot.notes.batch.read(noteIds, { properties: ['hs_note_body'] });
    if (notes.results.some((note) => String(note.value.properties.hs_note_body ?? '').includes(marker)))
      return 'applied';
  }

  const amount = ((outcome === 'paid' ? invoice.amount_paid : invoice.amount_due) / 100).toFixed(2);
  const text =
    outcome === 'paid'
      ? `Invoice ${invoice.number ?? invoice.id} paid: ${amount} ${invoice.currency.toUpperCase()}.`
      : `Payment of invoice ${invoice.number ?? invoice.id} (${amount} ${invoice.currency.toUpperCase()}) failed; follow up with the customer for another payment method.`;
  await hubspot.notes.createNote({
    body: `${text} ${marker}`,
    associateWith: [{ objectType: 'deals', id: dealId }],
  });
  return 'applied';
}
