import { describe, expect, it } from 'vitest';
import { declinedInvoiceStaysOpen } from '../examples/testing-with-the-fake.js';

describe('README testing example', () => {
  it('runs against the fake', async () => {
    await expect(declinedInvoiceStaysOpen()).resolves.toBeUndefined();
  });
});
