// For the periodic notification sweep: every delivery still owed (pending, or failed and waiting
// for its retry) of an enabled webhook is enqueued again. Enqueueing is idempotent by job id, so
// a delivery whose job is waiting or in its backoff is left as it is; one whose job was lost
// (Redis flushed, enqueue failed after the dispatcher's commit) gets it back.
import { db } from '../db';
import { enqueueDeliveries } from './enqueue-deliveries';

const SWEEP_BATCH = 1000;

export async function sweepDeliveries(now: Date): Promise<{ enqueued: number }> {
  const owed = await db.webhookDelivery.findMany({
    where: {
      status: { in: ['pending', 'failed'] },
      createdAt: { lte: now },
      webhook: { disabledAt: null },
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: SWEEP_BATCH,
  });
  const ids = owed.map((row) => row.id);
  const ok = await enqueueDeliveries(ids);
  return { enqueued: ok ? ids.length : 0 };
}
