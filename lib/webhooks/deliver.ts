// Sends one delivery. TO BE WRITTEN (webhooks work).
import type { DeliverWebhookJob } from '../queue/jobs';

export interface DeliverContext {
  now: () => Date;
  /** BullMQ's attempt number of this job, from 1. */
  attempt: number;
  /** Whether BullMQ will run the job again if this attempt throws. */
  willRetry: boolean;
}

export async function deliverWebhook(
  _job: DeliverWebhookJob,
  _context: DeliverContext,
): Promise<void> {
  throw new Error('webhook delivery is not written yet');
}
