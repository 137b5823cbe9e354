import { createClient, paginate, runBatches } from '@patchbay/core';

interface ListPage {
  data: Array<{ id: string; email: string }>;
  has_more: boolean;
}

const client = createClient({ service: 'billing', baseUrl: 'https://api.billing.example' });

export async function allCustomerEmails(): Promise<string[]> {
  const emails: string[] = [];
  const customers = paginate<ListPage, ListPage['data'][number]>(client, {
    request: { method: 'GET', path: '/v1/customers', query: { limit: 100 } },
    cursor: { in: 'query', name: 'starting_after' },
    items: (page) => page.data,
    nextCursor: (page, items) => (page.has_more ? items.at(-1)?.id : undefined),
  });
  for await (const customer of customers) emails.push(customer.email);
  return emails;
}

export async function createAll(records: Array<{ email: string }>) {
  const outcome = await runBatches({
    inputs: records,
    chunkSize: 100,
    concurrency: 2,
    run: async (chunk) => {
      const { data } = await client.request<{ results: Array<{ id: string }> }>({
        method: 'POST',
        path: '/v1/batch',
        json: { inputs: chunk },
      });
      return { results: data.results.map((value, index) => ({ index, value })), errors: [] };
    },
  });
  // Every input is either in results or in errors, under its original index.
  return { created: outcome.results.length, failed: outcome.errors };
}
