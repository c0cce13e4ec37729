// What /api/v1/health reports: the database, Redis, and each queue's job counts.
import { z } from 'zod';
import { db } from '../db';
import { sharedRedis } from '../redis';
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

export async function checkHealth(): Promise<Health> {
  const [database, redis] = await Promise.all([
    timed(() => db.$queryRaw`SELECT 1`),
    timed(() => sharedRedis().ping()),
  ]);
  const queues: Health['queues'] = {};
  if (redis.ok) {
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
  }
  return { status: database.ok && redis.ok ? 'ok' : 'degraded', db: database, redis, queues };
}
