// Sends COUNT requests at START_AT with an OAuth provider whose tokens and refresh lock live in Redis.

import { createClient, oauth2RefreshAuth } from '@patchbay/core';
import { RedisTokenStore } from '../../src/index.js';
import { env } from './env.js';

const store = new RedisTokenStore({ redis: env('REDIS_URL'), keyPrefix: env('PREFIX') });
const client = createClient({
  service: 'crm',
  baseUrl: env('API_URL'),
  auth: oauth2RefreshAuth({
    tokenUrl: env('TOKEN_URL'),
    clientId: 'client-1',
    clientSecret: 'secret-1',
    store,
    storeKey: 'account-1',
  }),
  retry: { maxRetries: 1, initialDelayMs: 10, maxDelayMs: 10 },
});

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(env('START_AT')) - Date.now())));
const results = await Promise.allSettled(
  Array.from({ length: Number(env('COUNT')) }, () =>
    client.request<{ token: string }>({ method: 'GET', path: '/me' }),
  ),
);
process.stdout.write(
  JSON.stringify(
    results.map((result) =>
      result.status === 'fulfilled' ? result.value.data.token : `error: ${String(result.reason)}`,
    ),
  ),
);
await store.close();
await client.close();
