import { createHubSpotClient, type HubSpotBatchItemError } from '@patchbay/hubspot';

const hubspot = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });

// Any number of inputs: chunks of 100 go through the limiter; partial failure is a result.
export async function syncSignups(signups: Array<{ email: string; firstName: string }>) {
  const outcome = await hubspot.contacts.batch.upsert(
    signups.map((signup) => ({ id: signup.email, properties: { firstname: signup.firstName } })),
    { idProperty: 'email' },
  );
  const created = outcome.results.filter((entry) => entry.value.new).length;
  const failed = outcome.errors.map((entry) => ({
    email: entry.input?.id,
    reason:
      entry.error instanceof Error ? entry.error.message : (entry.error as HubSpotBatchItemError).message,
  }));
  return { created, updated: outcome.results.length - created, failed };
}

// A 207 from batch read resolves: the found records, plus the ids HubSpot could not find.
export async function findKnownEmails(emails: string[]) {
  const outcome = await hubspot.contacts.batch.read(emails, {
    idProperty: 'email',
    properties: ['email', 'firstname'],
  });
  return { known: outcome.results.map((entry) => entry.value), unknown: outcome.missingIds() };
}
