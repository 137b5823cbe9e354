import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { describe, expect, it } from 'vitest';

// Kept apart from the msw tests: msw intercepts outgoing requests of the whole process.
describe('fake.listen()', () => {
  it('works over real HTTP with fake.listen()', async () => {
    const fake = createFakeHubSpot();
    const listening = await fake.listen();
    try {
      expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const hubspot = createHubSpotClient({
        accessToken: 'pat-test',
        baseUrl: listening.url,
        retry: { initialDelayMs: 10 },
      });
      const { record } = await hubspot.contacts.createOrUpdateByEmail('lead@example.com', {
        firstname: 'Lea',
      });
      const read = await hubspot.contacts.getByEmail('lead@example.com');
      expect(read.id).toBe(record.id);
      fake.faults.next('reset');
      const again = await hubspot.contacts.get(record.id, { signal: AbortSignal.timeout(5_000) });
      expect(again.id).toBe(record.id);
      expect(fake.state.requests.slice(-2).map((request) => request.status)).toEqual(['reset', 200]);
      await hubspot.close();
    } finally {
      await listening.close();
    }
  });
});
