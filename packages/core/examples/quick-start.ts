import { bearerAuth, createClient, HttpError } from '@patchbay/core';
import { z } from 'zod';

const Customer = z.object({ id: z.string(), email: z.string().nullable() });

const client = createClient({
  service: 'billing',
  baseUrl: 'https://api.billing.example',
  auth: bearerAuth(process.env.BILLING_TOKEN ?? ''),
  retry: { maxRetries: 3 },
  timeout: { attemptMs: 10_000, totalMs: 30_000 },
  idempotency: { header: 'Idempotency-Key' },
  requestIdHeader: 'request-id',
});

export async function loadCustomer(id: string) {
  try {
    const { data } = await client.request({ method: 'GET', path: `/v1/customers/${id}`, schema: Customer });
    return data;
  } catch (error) {
    if (HttpError.isInstance(error) && error.category === 'not_found') return undefined;
    throw error;
  }
}
