// Redis connections through ioredis. BullMQ workers need `maxRetriesPerRequest: null` (a
// blocking connection must wait for Redis rather than fail); short-lived checks use a fast-fail one.
import { Redis, type RedisOptions } from 'ioredis';
import { env } from './env';

export function createRedis(options: RedisOptions = {}): Redis {
  return new Redis(env().REDIS_URL, { maxRetriesPerRequest: null, ...options });
}

const globalForRedis = globalThis as unknown as { signpostRedis?: Redis };

/** The process's shared connection for queues, throttles and health checks. */
export function sharedRedis(): Redis {
  globalForRedis.signpostRedis ??= createRedis({ enableOfflineQueue: true });
  return globalForRedis.signpostRedis;
}
