export { type RedisSource, type RedisStoreOptions, resolveRedis } from './connection.js';
export { RedisDedupStore } from './redis-dedup-store.js';
export { RedisDeliveryStore } from './redis-delivery-store.js';
export { RedisLimiterStore, type RedisLimiterStoreOptions } from './redis-limiter-store.js';
export { RedisTokenStore, type RedisTokenStoreOptions, type TokenCodec } from './redis-token-store.js';
export { RedisUnavailableError } from './redis-unavailable-error.js';
