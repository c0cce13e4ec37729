// Queue names, job names and their payloads. Jobs carry ids, never copies of posts: the
// database decides, the queue delivers. Defaults for attempts and cleanup live here only.
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QUEUES = {
  /** One delayed job per post, due at the post's time. */
  publish: 'publish',
  /** Recurring housekeeping: the reconciler, metrics collection. */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const PublishPostJob = z.strictObject({
  postId: z.string().min(1),
  /** The post's revision when the job was made; a job for an older revision is dropped. */
  revision: z.number().int().min(0),
  /** The post's channel, so a rate-limited channel is recognised before the post is claimed. */
  channelId: z.string().min(1).optional(),
});
export type PublishPostJob = z.infer<typeof PublishPostJob>;

export const ReconcileJob = z.strictObject({});
export type ReconcileJob = z.infer<typeof ReconcileJob>;

export const JOB_NAMES = {
  publishPost: 'publish-post',
  reconcile: 'reconcile',
} as const;

/**
 * Deterministic: the same post and revision always give the same job id, so enqueueing twice
 * (after a commit, then again by the reconciler) adds one job. BullMQ ids may not contain ':'.
 */
export const publishJobId = (job: Pick<PublishPostJob, 'postId' | 'revision'>) =>
  `post-${job.postId}-r${job.revision}`;

/**
 * BullMQ's own retries are off: a failed publish goes back to the database as `scheduled` with a
 * new revision and a new delayed job, so retries survive a Redis flush like every other post.
 */
export const PUBLISH_JOB_DEFAULTS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
};

export const MAINTENANCE_JOB_DEFAULTS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
};
