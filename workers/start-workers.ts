// The BullMQ workers of one process: the publish queue at WORKER_CONCURRENCY, the metrics queue
// at METRICS_CONCURRENCY (polling never takes a publishing slot), mail and webhook deliveries on
// queues of their own, the maintenance queue one job at a time. Used by the worker process and
// by tests that need real workers.
import { type Job, Worker } from 'bullmq';
import type { Env } from '@/lib/env';
import type { Logger } from '@/lib/log';
import { QUEUES } from '@/lib/queue/jobs';
import { createRedis } from '@/lib/redis';
import { holdWhilePublishing } from '@/lib/webhooks/publishing-first';
import { JOBS } from './registry';

export function startWorkers(
  settings: Env,
  log: Logger,
  workerId: string,
  options: { now?: () => Date } = {},
): Worker[] {
  const now = options.now ?? (() => new Date());
  async function runJob(job: Job, token?: string): Promise<void> {
    const definition = JOBS[job.name];
    if (!definition) {
      log.error({ job: job.name, jobId: job.id }, 'unknown job name; dropped');
      return;
    }
    const parsed = definition.schema.safeParse(job.data);
    if (!parsed.success) {
      log.error(
        { job: job.name, jobId: job.id, issues: parsed.error.issues },
        'bad job payload; dropped',
      );
      return;
    }
    await definition.handle(parsed.data, {
      log: log.child({ job: job.name, jobId: job.id }),
      workerId,
      job,
      token,
      now,
    });
  }

  const webhooks = new Worker(QUEUES.webhooks, runJob, {
    connection: createRedis(),
    prefix: settings.QUEUE_PREFIX,
    concurrency: 20,
  });
  holdWhilePublishing(webhooks, log);
  const workers = [
    new Worker(QUEUES.publish, runJob, {
      connection: createRedis(),
      prefix: settings.QUEUE_PREFIX,
      concurrency: settings.WORKER_CONCURRENCY,
      // A live worker renews its job locks every few seconds; if a worker dies, its jobs come
      // back within about fifteen seconds rather than BullMQ's default minute, so a crash does
      // not leave due posts waiting. (The database claim still decides who publishes.)
      lockDuration: 10_000,
      stalledInterval: 5_000,
    }),
    new Worker(QUEUES.metrics, runJob, {
      connection: createRedis(),
      prefix: settings.QUEUE_PREFIX,
      concurrency: settings.METRICS_CONCURRENCY,
    }),
    // Mail and digests: a slow or unreachable mail server waits here, never in publishing.
    new Worker(QUEUES.notify, runJob, {
      connection: createRedis(),
      prefix: settings.QUEUE_PREFIX,
      concurrency: 5,
    }),
    // Webhook deliveries: an endpoint that hangs holds one of these slots until its timeout.
    webhooks,
    new Worker(QUEUES.maintenance, runJob, {
      connection: createRedis(),
      prefix: settings.QUEUE_PREFIX,
      concurrency: 1,
    }),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      log.error({ err: error, job: job?.name, jobId: job?.id }, 'job failed'),
    );
    worker.on('error', (error) => log.error({ err: error }, 'worker error'));
  }
  return workers;
}
