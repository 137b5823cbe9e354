import { bearerAuth, createClient } from '@patchbay/core';
import { RedisLimiterStore } from '@patchbay/redis';
import { Redis } from 'ioredis';

// One connection per process; every worker that uses the same Redis and the same token shares
// one budget of 100 requests per 10 seconds.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const limiterStore = new RedisLimiterStore({ redis, whenUnavailable: 'local' });

export const crm = createClient({
  service: 'crm',
  baseUrl: 'https://api.crm.example',
  auth: bearerAuth(process.env.CRM_TOKEN ?? ''),
  limiter: { store: limiterStore, buckets: { default: { limit: 100, windowMs: 10_000 } } },
});
