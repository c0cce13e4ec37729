// For the periodic notification sweep: webhooks that have failed for a day are disabled, then every delivery still owed (pending, or failed and waiting
// for its retry) of an enabled webhook is enqueued again. Enqueueing is idempotent by job id, so
// a delivery whose job is waiting or in its backoff is left as it is; one whose job was lost
// (Redis flushed, enqueue failed after the dispatcher's commit) gets it back.
import { db } from '../db';
import { DISABLE_AFTER_MS, disableIfFailingTooLong } from './disable-webhook';
import { enqueueDeliveries } from './enqueue-deliveries';

const SWEEP_BATCH = 1000;

export async function sweepDeliveries(now: Date): Promise<{ enqueued: number; disabled: number }> {
  // First, webhooks a day into failing whose last delivery ran out of retries before then.
  const failing = await db.webhook.findMany({
    where: { disabledAt: null, failingSince: { lte: new Date(now.getTime() - DISABLE_AFTER_MS) } },
    select: { id: true },
  });
  let disabled = 0;
  for (const webhook of failing) {
    const last = await db.webhookDelivery.findFirst({
      where: { webhookId: webhook.id, lastError: { not: null } },
      orderBy: { lastAttemptAt: 'desc' },
      select: { lastError: true },
    });
    if (
      await db.$transaction((tx) =>
        disableIfFailingTooLong(tx, webhook.id, now, last?.lastError ?? null),
      )
    )
      disabled += 1;
  }
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
  return { enqueued: ok ? ids.length : 0, disabled };
}
