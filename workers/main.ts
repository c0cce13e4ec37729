// The worker process: publishes posts when they fall due and runs the reconciler. Started by
// `npm run worker` (and by `npm run dev`). On SIGTERM it stops taking jobs, lets the ones in
// flight finish, and exits cleanly.
import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { JOB_NAMES, MAINTENANCE_JOB_DEFAULTS, QUEUES } from '@/lib/queue/jobs';
import { closeQueues, queue } from '@/lib/queue/queues';
import { createRedis } from '@/lib/redis';
import { JOBS } from './registry';

const settings = env();
const workerId = `${hostname()}:${process.pid}`;
const baseLog = log.child({ workerId });

async function runJob(job: Job, token?: string): Promise<void> {
  const definition = JOBS[job.name];
  if (!definition) {
    baseLog.error({ job: job.name, jobId: job.id }, 'unknown job name; dropped');
    return;
  }
  const parsed = definition.schema.safeParse(job.data);
  if (!parsed.success) {
    baseLog.error({ job: job.name, jobId: job.id, issues: parsed.error.issues }, 'bad job payload; dropped');
    return;
  }
  await definition.handle(parsed.data, {
    log: baseLog.child({ job: job.name, jobId: job.id }),
    workerId,
    job,
    token,
  });
}

const workers = [
  new Worker(QUEUES.publish, runJob, {
    connection: createRedis(),
    prefix: settings.QUEUE_PREFIX,
    concurrency: settings.WORKER_CONCURRENCY,
  }),
  new Worker(QUEUES.maintenance, runJob, {
    connection: createRedis(),
    prefix: settings.QUEUE_PREFIX,
    concurrency: 1,
  }),
];

for (const worker of workers) {
  worker.on('failed', (job, error) => baseLog.error({ err: error, job: job?.name, jobId: job?.id }, 'job failed'));
  worker.on('error', (error) => baseLog.error({ err: error }, 'worker error'));
}

async function start() {
  // Every minute, and once now: nothing due is left without a job, no dead claim stays open.
  await queue(QUEUES.maintenance).upsertJobScheduler(
    'reconcile-every-minute',
    { every: 60_000 },
    { name: JOB_NAMES.reconcile, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );
  await queue(QUEUES.maintenance).add(JOB_NAMES.reconcile, {}, MAINTENANCE_JOB_DEFAULTS);
  baseLog.info({ concurrency: settings.WORKER_CONCURRENCY, prefix: settings.QUEUE_PREFIX }, 'workers started');
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  baseLog.info({ signal }, 'stopping: finishing jobs in flight');
  // close() waits for the jobs in flight to finish and takes no new ones.
  await Promise.all(workers.map((worker) => worker.close()));
  await closeQueues();
  await db.$disconnect();
  baseLog.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

start().catch((error: unknown) => {
  baseLog.fatal({ err: error }, 'workers could not start');
  process.exit(1);
});
