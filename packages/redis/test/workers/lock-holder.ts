// Takes the token refresh lock and never releases it; the test kills this process.

import { RedisTokenStore } from '../../src/index.js';
import { env } from './env.js';

const store = new RedisTokenStore({ redis: env('REDIS_URL'), keyPrefix: env('PREFIX') });
await store.lock('account-1', Number(env('TTL_MS')), new AbortController().signal);
process.stdout.write('locked\n');
setInterval(() => {}, 1000);
