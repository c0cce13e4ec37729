// Redis losing its data — a FLUSHALL, a failover to an empty or stale replica, a restart without
// persistence — takes every delayed publish job with it, while the database still says what is
// due. The workers notice within a second instead of at the next minute's reconcile (issue 12):
// - a sentinel key, written by the workers, is looked for every CHECK_EVERY_MS; when it is gone,
//   the first worker to write it again restores every missing job (the other workers see it back
//   and do nothing: one restore, not one per worker);
// - a reconnect to a Redis server that is not the one before (its run id or replication id
//   changed: a failover, a restart) restores too, as a stale replica may still hold the sentinel.
import type { Redis } from 'ioredis';
import type { Logger } from '../log';

export const CHECK_EVERY_MS = 500;

export const sentinelKey = (prefix: string) => `${prefix}:redis-data-sentinel`;

/** Which Redis this is: its run id (new at each start) and replication id (new at a failover). */
function serverIdentity(info: string): string {
  const field = (name: string) => new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1] ?? '';
  return `${field('run_id')}/${field('master_replid')}`;
}

export interface RedisDataWatch {
  close(): void;
}

export function watchRedisData({
  redis,
  prefix,
  workerId,
  log,
  onLost,
}: {
  /** A connection of the watcher's own (it is never blocked by a worker's long poll). */
  redis: Redis;
  prefix: string;
  workerId: string;
  log: Logger;
  /** Restores what Redis lost: every missing job, the recurring schedules. */
  onLost: (reason: string) => Promise<void>;
}): RedisDataWatch {
  const key = sentinelKey(prefix);
  let identity: string | null = null;
  let checking = false;
  let closed = false;
  // The first check only writes the sentinel: a worker starting up reconciles anyway.
  let firstCheck = true;
  // Set on every reconnect, cleared once that server's identity is read (even by a later check).
  let reconnected = false;

  async function restore(reason: string) {
    const started = performance.now();
    log.warn({ reason }, 'Redis lost its data: restoring every missing job now');
    try {
      await onLost(reason);
    } catch (error) {
      // Take the sentinel away again, so the next check (half a second on) tries once more.
      log.error({ err: error, reason }, 'could not restore the jobs Redis lost; trying again');
      await redis.del(key).catch(() => undefined);
      return;
    }
    log.warn(
      { reason, ms: Math.round(performance.now() - started) },
      'restored the jobs Redis lost',
    );
  }

  async function check() {
    if (checking || closed) return;
    checking = true;
    try {
      let serverChanged = false;
      if (reconnected || identity === null) {
        const [server, replication] = await Promise.all([
          redis.info('server'),
          redis.info('replication'),
        ]);
        const current = serverIdentity(`${server}\n${replication}`);
        serverChanged = identity !== null && current !== identity;
        identity = current;
        reconnected = false;
      }
      // NX: of several workers that find the sentinel gone, exactly one writes it back and restores.
      const wrote = (await redis.set(key, workerId, 'NX')) === 'OK';
      if (serverChanged) await restore('a different Redis server answers');
      else if (wrote && !firstCheck) await restore('the sentinel key was gone');
      firstCheck = false;
    } catch (error) {
      log.debug({ err: error }, 'could not check Redis for lost data');
    } finally {
      checking = false;
    }
  }

  void check();
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  const onReady = () => {
    reconnected = true;
    void check();
  };
  redis.on('ready', onReady);
  return {
    close() {
      closed = true;
      clearInterval(timer);
      redis.off('ready', onReady);
    },
  };
}

/**
 * One warning at start when Redis may evict keys: an evicted job is a post that silently never
 * goes out until the reconciler notices. BullMQ needs `maxmemory-policy noeviction`.
 */
export async function warnAboutRedisSettings(redis: Redis, log: Logger): Promise<void> {
  try {
    const info = await redis.info('memory');
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy && policy !== 'noeviction') {
      log.warn(
        { maxmemoryPolicy: policy },
        'Redis maxmemory-policy is not noeviction: Redis may drop queued jobs under memory pressure; set it to noeviction',
      );
    }
  } catch (error) {
    log.debug({ err: error }, 'could not read Redis memory settings');
  }
}
