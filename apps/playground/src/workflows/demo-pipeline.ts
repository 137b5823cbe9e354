import type { Pipeline } from '@patchbay/hubspot';
import type { Lead } from '../leads/lead.js';
import type { Qualification, Tier } from '../leads/qualify.js';

/** Stage labels the workflows move deals through; the fake HubSpot gets a pipeline with them. */
export const demoStages = {
  appointment: 'Appointment Scheduled',
  qualified: 'Qualified To Buy',
  won: 'Closed Won',
  invoiced: 'Invoice Sent',
  paid: 'Paid',
  followUp: 'Payment Follow-up',
  lost: 'Closed Lost',
} as const;

export const demoPipelineLabel = 'Patchbay Demo Pipeline';

/** The demo pipeline as the fake HubSpot is seeded with it. */
export const demoPipeline: Pipeline = {
  id: 'patchbay-demo',
  label: demoPipelineLabel,
  displayOrder: 1,
  stages: Object.values(demoStages).map((label, index) => ({
    id: `patchbay-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    label,
    displayOrder: index,
    metadata: {
      isClosed: String(label === demoStages.paid || label === demoStages.lost),
      probability: label === demoStages.lost ? '0.0' : label === demoStages.paid ? '1.0' : '0.5',
    },
  })),
};

/** The stage a qualified lead's deal starts in; tiers below B get no deal. */
export function stageForTier(tier: Tier): string | undefined {
  if (tier === 'A') return demoStages.qualified;
  if (tier === 'B') return demoStages.appointment;
  return undefined;
}

/** One line of a deal, priced in whole US dollars per year. */
export interface DealLine {
  name: string;
  quantity: number;
  /** Unit price in dollars. */
  price: number;
}

/**
 * What a deal is worth: a platform plan sized by the company (seats at $240 a year) and, for
 * companies of 200 or more, an onboarding package of $1,500.
 */
export function dealLinesFor(lead: Lead): DealLine[] {
  const employees = lead.employees ?? 10;
  const seats = employees >= 1000 ? 250 : employees >= 200 ? 100 : employees >= 50 ? 40 : 10;
  const lines: DealLine[] = [{ name: 'Patchbay platform, annual seat', quantity: seats, price: 240 }];
  if (employees >= 200) lines.push({ name: 'Onboarding package', quantity: 1, price: 1500 });
  return lines;
}

export function dealAmount(lines: readonly DealLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
}

function emailHash(email: string): number {
  let hash = 0;
  for (let index = 0; index < email.length; index += 1)
    hash = (Math.imul(hash, 31) + email.charCodeAt(index)) >>> 0;
  return hash;
}

/**
 * Which deals the simulated sales team wins: one in three tier A leads scoring 95 or more, picked
 * by a hash of the email. The rule is deterministic, so every run closes the same deals.
 */
export function isWon(lead: Lead, qualification: Qualification): boolean {
  return qualification.tier === 'A' && qualification.score >= 95 && emailHash(lead.email) % 3 === 0;
}

/** Test payment methods by outcome (Stripe's documented test ids). */
export type TestCard = 'pm_card_visa' | 'pm_card_chargeDeclined' | 'pm_card_chargeDeclinedInsufficientFunds';

/**
 * The card a customer pays with in the demo: one in seven is declined and one in eleven has
 * insufficient funds, so both failure paths show up in every run.
 */
export function testCardFor(email: string): TestCard {
  const hash = emailHash(email);
  if (hash % 7 === 0) return 'pm_card_chargeDeclined';
  if (hash % 11 === 0) return 'pm_card_chargeDeclinedInsufficientFunds';
  return 'pm_card_visa';
}
