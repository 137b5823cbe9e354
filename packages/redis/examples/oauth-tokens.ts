import { createClient, oauth2RefreshAuth } from '@patchbay/core';
import { RedisTokenStore } from '@patchbay/redis';

// Every replica reads and writes the same tokens; the refresh lock makes one of them refresh
// while the others wait and then use the token it stored.
const tokenStore = new RedisTokenStore({ redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });

export const crm = createClient({
  service: 'crm',
  baseUrl: 'https://api.crm.example',
  auth: oauth2RefreshAuth({
    tokenUrl: 'https://auth.crm.example/oauth/token',
    clientId: process.env.CRM_CLIENT_ID ?? '',
    clientSecret: process.env.CRM_CLIENT_SECRET ?? '',
    store: tokenStore,
    storeKey: 'crm:account-42',
    lockTtlMs: 30_000,
  }),
});
