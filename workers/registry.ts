// Jobs are a registry: each job name maps to its queue, payload schema and handler. The worker
// parses the payload before handling it; an unknown name or a bad payload is logged, not retried.
import { DelayedError, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '@/lib/log';
import { JOB_NAMES, PublishPostJob, type QueueName, QUEUES, ReconcileJob } from '@/lib/queue/jobs';
import { publishPost } from '@/lib/publishing/publish-post';
import { reconcile } from '@/lib/publishing/reconcile';

export interface JobContext {
  log: Logger;
  /** Identifies this worker process in publish attempts and claims. */
  workerId: string;
  job: Job;
  token?: string;
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
      const report = await reconcile({ now: new Date(), log: context.log });
      context.log.debug(report, 'reconciled');
    },
  }),
};
