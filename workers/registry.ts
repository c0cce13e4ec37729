// Jobs are a registry: each job name maps to its queue, payload schema and handler. The worker
// parses the payload before handling it; an unknown name or a bad payload is logged, not retried.
import { DelayedError, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '@/lib/log';
import {
  DeliverWebhookJob,
  DigestSweepJob,
  JOB_NAMES,
  NotifySweepJob,
  PollChannelJob,
  PollSweepJob,
  PublishPostJob,
  type QueueName,
  QUEUES,
  ReconcileJob,
  RetentionJob,
  SendMailJob,
} from '@/lib/queue/jobs';
import { env } from '@/lib/env';
import { applyRetention } from '@/lib/retention/apply-retention';
import { retentionPolicy } from '@/lib/retention/plan-retention';
import { sendDigests } from '@/lib/notifications/digest';
import { sweepNotify } from '@/lib/notifications/notify-sweep';
import { sendNotificationMail } from '@/lib/notifications/send-mail';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import { publishPost } from '@/lib/publishing/publish-post';
import { reconcile } from '@/lib/publishing/reconcile';
import { pollChannel } from '@/lib/reach/poll-channel';
import { pollShares } from '@/lib/reach/poll-shares';
import { sweepPolls } from '@/lib/reach/sweep-polls';

export interface JobContext {
  log: Logger;
  /** Identifies this worker process in publish attempts and claims. */
  workerId: string;
  job: Job;
  token?: string;
  /** The clock every handler reads (tests move it; never waited out). */
  now: () => Date;
}

/** Runs the job again at `until` by the handler's clock, which need not be the real one. */
async function runAgainAt(until: Date, context: JobContext): Promise<never> {
  const delay = Math.max(0, until.getTime() - context.now().getTime());
  await context.job.moveToDelayed(Date.now() + delay, context.token);
  throw new DelayedError();
}

interface JobDefinition<S extends z.ZodType> {
  queue: QueueName;
  schema: S;
  handle(data: z.output<S>, context: JobContext): Promise<void>;
}

const define = <S extends z.ZodType>(definition: JobDefinition<S>) => definition;

export const JOBS: Record<string, JobDefinition<z.ZodType>> = {
  [JOB_NAMES.publishPost]: define({
    queue: QUEUES.publish,
    schema: PublishPostJob,
    handle: async (data, context) => {
      const outcome = await publishPost(data, context);
      if (outcome.kind === 'deferred') {
        // The channel is rate limited: the same job runs again when the window resets.
        await context.job.moveToDelayed(outcome.until.getTime(), context.token);
        throw new DelayedError();
      }
    },
  }),
  [JOB_NAMES.reconcile]: define({
    queue: QUEUES.maintenance,
    schema: ReconcileJob,
    handle: async (_job, context) => {
      const report = await reconcile({ now: context.now(), log: context.log });
      context.log.debug(report, 'reconciled');
    },
  }),
  [JOB_NAMES.retention]: define({
    queue: QUEUES.maintenance,
    schema: RetentionJob,
    handle: async (_job, context) => {
      await applyRetention({
        policy: retentionPolicy(env()),
        now: context.now(),
        log: context.log,
      });
    },
  }),
  [JOB_NAMES.pollSweep]: define({
    queue: QUEUES.metrics,
    schema: PollSweepJob,
    handle: async (_job, context) => {
      const report = await sweepPolls({ now: context.now() });
      context.log.debug(report, 'poll sweep');
      // Partners' public links ("I shared this"), read without a token.
      const shares = await pollShares({ now: context.now(), log: context.log });
      if (shares.claimed > 0) context.log.debug(shares, 'share links polled');
    },
  }),
  [JOB_NAMES.pollChannel]: define({
    queue: QUEUES.metrics,
    schema: PollChannelJob,
    handle: async (data, context) => {
      const outcome = await pollChannel(data, context);
      // Rate limited, or publishing comes first: the same job, later, without spending an attempt.
      if (outcome.kind === 'deferred') await runAgainAt(outcome.until, context);
      context.log.debug(outcome, 'poll');
    },
  }),
  [JOB_NAMES.sendMail]: define({
    queue: QUEUES.notify,
    schema: SendMailJob,
    // A mail server that cannot be reached throws here, and BullMQ retries (MAIL_JOB_DEFAULTS).
    handle: async (data, context) => {
      const outcome = await sendNotificationMail(data, { now: context.now, log: context.log });
      context.log.debug(outcome, 'mail');
    },
  }),
  [JOB_NAMES.digestSweep]: define({
    queue: QUEUES.notify,
    schema: DigestSweepJob,
    handle: async (_job, context) => {
      const report = await sendDigests({ now: context.now(), log: context.log });
      context.log.debug(report, 'digest sweep');
    },
  }),
  [JOB_NAMES.notifySweep]: define({
    queue: QUEUES.notify,
    schema: NotifySweepJob,
    handle: async (_job, context) => {
      const report = await sweepNotify(context.now());
      context.log.debug(report, 'notify sweep');
    },
  }),
  [JOB_NAMES.deliverWebhook]: define({
    queue: QUEUES.webhooks,
    schema: DeliverWebhookJob,
    handle: (data, context) => {
      const attempts = context.job.opts.attempts ?? 1;
      const attempt = context.job.attemptsMade + 1;
      return deliverWebhook(data, {
        now: context.now,
        attempt,
        willRetry: attempt < attempts,
      });
    },
  }),
};
