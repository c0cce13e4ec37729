// Queue names, job names and their payloads. Jobs carry ids, never copies of posts: the
// database decides, the queue delivers. Defaults for attempts and cleanup live here only.
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QUEUES = {
  /** One delayed job per post, due at the post's time. */
  publish: 'publish',
  /** Recurring housekeeping: the reconciler, the nightly retention run. */
  maintenance: 'maintenance',
  /**
   * Reading published posts' figures: the sweep that finds posts due a poll, and one job per
   * channel batch. A queue of its own with its own concurrency (METRICS_CONCURRENCY), so polling
   * never takes a publishing slot.
   */
  metrics: 'metrics',
  /**
   * Telling people: email at once (one job per notification) and the hourly digest sweep. A queue
   * of its own, so a slow or unreachable mail server never delays publishing.
   */
  notify: 'notify',
  /** Webhook deliveries, one job per delivery, retried with backoff; a hung endpoint waits here. */
  webhooks: 'webhooks',
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

export const PollSweepJob = z.strictObject({});
export type PollSweepJob = z.infer<typeof PollSweepJob>;

export const PollChannelJob = z.strictObject({
  channelId: z.string().min(1),
  /** Up to the platform's metricsBatchSize posts of this channel, read in one call where it can. */
  postIds: z.array(z.string().min(1)).min(1).max(1000),
  /** Until when the sweep leased these posts: past it, another sweep polls them again. */
  leaseUntil: z.iso.datetime(),
});
export type PollChannelJob = z.infer<typeof PollChannelJob>;

/** One notification's email, sent when its burst window has closed (the count is final). */
export const SendMailJob = z.strictObject({ notificationId: z.string().min(1) });
export type SendMailJob = z.infer<typeof SendMailJob>;

/** Hourly: sends each person whose UK digest hour it is the day's notifications in one mail. */
export const DigestSweepJob = z.strictObject({});
export type DigestSweepJob = z.infer<typeof DigestSweepJob>;

/** Sweeps what the outbox and the delivery log say is owed (after a Redis flush, a crash). */
export const NotifySweepJob = z.strictObject({});
export type NotifySweepJob = z.infer<typeof NotifySweepJob>;

/** Nightly: removes what is past its retention period (lib/retention). */
export const RetentionJob = z.strictObject({});
export type RetentionJob = z.infer<typeof RetentionJob>;

export const DeliverWebhookJob = z.strictObject({ deliveryId: z.string().min(1) });
export type DeliverWebhookJob = z.infer<typeof DeliverWebhookJob>;

export const JOB_NAMES = {
  publishPost: 'publish-post',
  reconcile: 'reconcile',
  pollSweep: 'poll-sweep',
  pollChannel: 'poll-channel',
  sendMail: 'send-mail',
  digestSweep: 'digest-sweep',
  notifySweep: 'notify-sweep',
  deliverWebhook: 'deliver-webhook',
  retention: 'retention',
} as const;

/** Deterministic: a notification is mailed by one job however often it is enqueued. */
export const sendMailJobId = (job: SendMailJob) => `mail-${job.notificationId}`;
/** Deterministic: one job per delivery; its retries are BullMQ's, with backoff. */
export const deliverWebhookJobId = (job: DeliverWebhookJob) => `delivery-${job.deliveryId}`;

/**
 * A mail server that does not answer is tried again with backoff for about a day (5 s doubling,
 * 14 attempts); the notification stays unmailed in the database, and the sweep re-enqueues it.
 */
export const MAIL_JOB_DEFAULTS: JobsOptions = {
  attempts: 14,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60, count: 10_000 },
};

/**
 * A failing endpoint is retried with backoff (10 s doubling: about a day over 14 attempts); the
 * webhook is disabled after a day of nothing but failures (lib/webhooks/deliver.ts).
 */
export const WEBHOOK_JOB_DEFAULTS: JobsOptions = {
  attempts: 14,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60, count: 10_000 },
};

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

/**
 * Deterministic: one claim (its lease and its posts) gives one job id, so a sweep that is run
 * again after enqueueing adds nothing; a later claim of the same posts (the lease ran out) has a
 * new lease and so a new job.
 */
export const pollChannelJobId = (
  job: Pick<PollChannelJob, 'channelId' | 'postIds' | 'leaseUntil'>,
) => `poll-${job.channelId}-${Date.parse(job.leaseUntil)}-${job.postIds[0]}-${job.postIds.length}`;

/**
 * A poll that fails for a moment (5xx, a timeout) is retried by BullMQ with exponential backoff;
 * nothing is lost past the last attempt either: the posts' lease runs out and the next sweep
 * claims them again.
 */
export const POLL_JOB_DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 60 * 60, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60, count: 1_000 },
};

export const MAINTENANCE_JOB_DEFAULTS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500 },
};
