// What /api/v1/health reports: the database, Redis, each queue's job counts, and email.
import { z } from 'zod';
import { db } from '../db';
import { readMailHealth } from '../notifications/mail-health';
import { sharedRedis } from '../redis';
import { QUEUES } from '../queue/jobs';
import { ALL_QUEUES, queue } from '../queue/queues';

const CHECK_TIMEOUT_MS = 2000;

const ComponentHealth = z.object({
  ok: z.boolean(),
  latencyMs: z.number().nullable(),
  error: z.string().optional(),
});

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: ComponentHealth,
    redis: ComponentHealth,
    queues: z.record(
      z.string(),
      z.object({
        waiting: z.number(),
        delayed: z.number(),
        active: z.number(),
        completed: z.number(),
        failed: z.number(),
      }),
    ),
    /**
     * Email, as the workers last found the mail server. Not part of `status`: a mail server that
     * does not answer delays mail (its jobs are retried with backoff), never the app itself.
     */
    mail: z.object({
      ok: z.boolean(),
      lastError: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
      lastSentAt: z.string().nullable(),
      /**
       * Jobs on the notify queue not yet done: waiting, delayed (a mail's burst window or a retry's
       * backoff; the next hourly digest sweep is one) or active.
       */
      waiting: z.number(),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

async function timed(check: () => Promise<unknown>): Promise<z.infer<typeof ComponentHealth>> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return {
      ok: false,
      latencyMs: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Each queue's jobs by state: on the health route and, for administrators, in Settings. */
export async function readQueueCounts(): Promise<Health['queues']> {
  const queues: Health['queues'] = {};
  await Promise.all(
    ALL_QUEUES.map(async (name) => {
      const counts = await queue(name).getJobCounts(
        'waiting',
        'delayed',
        'active',
        'completed',
        'failed',
      );
      queues[name] = {
        waiting: counts.waiting ?? 0,
        delayed: counts.delayed ?? 0,
        active: counts.active ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
      };
    }),
  );
  return queues;
}

export async function checkHealth(): Promise<Health> {
  const [database, redis] = await Promise.all([
    timed(() => db.$queryRaw`SELECT 1`),
    timed(() => sharedRedis().ping()),
  ]);
  const queues: Health['queues'] = redis.ok ? await readQueueCounts() : {};
  const record = redis.ok ? await readMailHealth().catch(() => null) : null;
  const notify = queues[QUEUES.notify];
  const mail: Health['mail'] = {
    ok: record?.ok ?? false,
    lastError: record
      ? record.lastError
      : 'Redis does not answer, so the mail workers’ record is unknown',
    lastErrorAt: record?.lastErrorAt ?? null,
    lastSentAt: record?.lastSentAt ?? null,
    waiting: notify ? notify.waiting + notify.delayed + notify.active : 0,
  };
  return {
    status: database.ok && redis.ok ? 'ok' : 'degraded',
    db: database,
    redis,
    queues,
    mail,
  };
}
