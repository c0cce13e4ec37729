// Deliveries reach the queue only after they have committed: one job per delivery (deterministic
// id). If Redis is unreachable the delivery is still pending in the database, and the sweep
// enqueues it.
import { log } from '../log';
import { deliverWebhookJobId, JOB_NAMES, QUEUES, WEBHOOK_JOB_DEFAULTS } from '../queue/jobs';
import { queue } from '../queue/queues';

export async function enqueueDeliveries(deliveryIds: readonly string[]): Promise<boolean> {
  if (deliveryIds.length === 0) return true;
  try {
    await queue(QUEUES.webhooks).addBulk(
      deliveryIds.map((deliveryId) => ({
        name: JOB_NAMES.deliverWebhook,
        data: { deliveryId },
        opts: { ...WEBHOOK_JOB_DEFAULTS, jobId: deliverWebhookJobId({ deliveryId }) },
      })),
    );
    return true;
  } catch (error) {
    log.warn(
      { err: error, deliveries: deliveryIds.length },
      'could not enqueue webhook deliveries; the sweep will',
    );
    return false;
  }
}
