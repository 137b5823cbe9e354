import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderServiceErrorRows, replaceMarkedSection } from '@patchbay/core';
import { readmeExamples } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { stripeErrorRows } from '../src/errors/stripe-error-rows.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');

describe('stripe README', () => {
  it('embeds the Stripe error rows rendered from the classifier data', () => {
    expect(replaceMarkedSection(readme, 'stripe-error-rows', renderServiceErrorRows(stripeErrorRows))).toBe(
      readme,
    );
  });

  it('shows examples identical to the compiled example files', () => {
    const examples = readmeExamples(readmePath);
    expect(examples.map((example) => example.path).sort()).toEqual([
      'examples/charge-saved-card.ts',
      'examples/connect-and-limits.ts',
      'examples/invoice-workflow.ts',
      'examples/payment-history.ts',
      'examples/quick-start.ts',
      'examples/testing-with-the-fake.ts',
      'examples/webhooks.ts',
    ]);
    for (const example of examples) expect(example.inReadme, example.path).toBe(example.inFile);
  });
});
