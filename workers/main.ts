// The worker process: publishes posts when they fall due, runs the reconciler, polls published
// posts for their figures, and tells people (in the app, by email, by webhook) what happened.
// Started by `npm run worker` (and by `npm run dev`). On SIGTERM it stops taking jobs, lets the
// ones in flight finish, and exits cleanly.
import { hostname } from 'node:os';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { JOB_NAMES, MAINTENANCE_JOB_DEFAULTS, QUEUES } from '@/lib/queue/jobs';
import { closeMailTransport } from '@/lib/notifications/mail-transport';
import { closeHotPath } from '@/lib/publishing/hot-path';
import { closeQueues, queue } from '@/lib/queue/queues';
import { warnAboutRedisSettings, watchRedisData } from '@/lib/queue/redis-data-watch';
import { reconcile } from '@/lib/publishing/reconcile';
import { createRedis } from '@/lib/redis';
import { outboxDrainer } from '@/lib/notifications/dispatch';
import { listenForOutbox } from '@/lib/notifications/outbox-listener';
import { startWorkers } from './start-workers';

const settings = env();
const workerId = `${hostname()}:${process.pid}`;
const baseLog = log.child({ workerId });
const workers = startWorkers(settings, baseLog, workerId);
// Notifications and webhooks: the outbox is dispatched the moment a transaction that raised events
// commits (LISTEN), and swept now and then in case a signal was missed.
const drainer = outboxDrainer();
const listener = listenForOutbox(settings.DATABASE_URL, () => void drainer.request(), baseLog);

const registerReconciler = () =>
  queue(QUEUES.maintenance).upsertJobScheduler(
    'reconcile',
    { every: settings.RECONCILE_EVERY_SECONDS * 1000 },
    { name: JOB_NAMES.reconcile, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );

// The polling sweep: due posts live in the database (posts."nextPollAt"), so a lost schedule
// loses no poll, only delays it until the schedule is back.
const registerPollSweep = () =>
  queue(QUEUES.metrics).upsertJobScheduler(
    'poll-sweep',
    { every: settings.POLL_SWEEP_SECONDS * 1000 },
    { name: JOB_NAMES.pollSweep, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );

const registerNotifySweep = () =>
  queue(QUEUES.notify).upsertJobScheduler(
    'notify-sweep',
    { every: settings.NOTIFY_SWEEP_SECONDS * 1000 },
    { name: JOB_NAMES.notifySweep, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );

// The daily digests: each hour on the hour, for the people whose UK digest hour it is.
const registerDigestSweep = () =>
  queue(QUEUES.notify).upsertJobScheduler(
    'digest-sweep',
    { pattern: '0 * * * *' },
    { name: JOB_NAMES.digestSweep, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );

// Retention: each night at 03:30 UK time, when nobody is publishing much.
const registerRetention = () =>
  queue(QUEUES.maintenance).upsertJobScheduler(
    'retention',
    { pattern: '30 3 * * *', tz: 'Europe/London' },
    { name: JOB_NAMES.retention, data: {}, opts: MAINTENANCE_JOB_DEFAULTS },
  );

const SCHEDULES = [
  ['reconciler', registerReconciler],
  ['poll sweep', registerPollSweep],
  ['notify sweep', registerNotifySweep],
  ['digest sweep', registerDigestSweep],
  ['retention', registerRetention],
] as const;

// The schedules live in Redis; if Redis loses its data, they go with the jobs they should restore.
// Re-registering them (idempotent) on a local timer brings them back.
const watchdog = setInterval(() => {
  for (const [name, register] of SCHEDULES) {
    register().catch((error: unknown) =>
      baseLog.warn({ err: error }, `could not register the ${name}`),
    );
  }
}, settings.RECONCILE_EVERY_SECONDS * 1000);

const registerAll = async () => {
  for (const [, register] of SCHEDULES) await register();
};

// Redis losing its data is noticed within a second, and every missing job restored at once
// (lib/queue/redis-data-watch.ts), rather than at the next reconcile on the watchdog's timer.
const watchRedis = createRedis({ maxRetriesPerRequest: 1 });
const redisWatch = watchRedisData({
  redis: watchRedis,
  prefix: settings.QUEUE_PREFIX,
  workerId,
  log: baseLog,
  onLost: async () => {
    const report = await reconcile({ now: new Date(), log: baseLog });
    await registerAll();
    // Mail and webhooks owed are found again by their sweep, now rather than at its next run.
    await queue(QUEUES.notify).add(JOB_NAMES.notifySweep, {}, MAINTENANCE_JOB_DEFAULTS);
    baseLog.warn(report, 'jobs restored after Redis lost its data');
  },
});

async function start() {
  await warnAboutRedisSettings(watchRedis, baseLog);
  // On a schedule, and once now: nothing due is left without a job, no dead claim stays open.
  await registerAll();
  await queue(QUEUES.maintenance).add(JOB_NAMES.reconcile, {}, MAINTENANCE_JOB_DEFAULTS);
  baseLog.info(
    {
      concurrency: settings.WORKER_CONCURRENCY,
      metricsConcurrency: settings.METRICS_CONCURRENCY,
      prefix: settings.QUEUE_PREFIX,
    },
    'workers started',
  );
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  baseLog.info({ signal }, 'stopping: finishing jobs in flight');
  clearInterval(watchdog);
  redisWatch.close();
  watchRedis.disconnect();
  await listener.close();
  await drainer.idle();
  // close() waits for the jobs in flight to finish and takes no new ones.
  await Promise.all(workers.map((worker) => worker.close()));
  await closeQueues();
  closeMailTransport();
  await Promise.all([db.$disconnect(), closeHotPath()]);
  baseLog.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

start().catch((error: unknown) => {
  baseLog.fatal({ err: error }, 'workers could not start');
  process.exit(1);
});
