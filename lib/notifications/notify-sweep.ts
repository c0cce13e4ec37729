// Now and then (NOTIFY_SWEEP_SECONDS), whatever is owed and might have been missed: outbox rows
// whose signal was lost, channels whose access ends within seven days, notifications whose mail
// job went with a Redis flush. Each step is idempotent, so the sweep may run anywhere, twice.
import { db } from '../db';
import { sweepDeliveries } from '../webhooks/sweep-deliveries';
import { drainOutbox } from './dispatch';
import { enqueueMail } from './mail-queue';
import { warnExpiringTokens } from './token-expiry';

/** Unmailed immediate notifications older than this are re-enqueued (their job may be gone). */
const MAIL_OVERDUE_MS = 5 * 60 * 1000;
/** Beyond this a mail is no longer news: left unsent (the notification is still in the app). */
const MAIL_GIVE_UP_MS = 3 * 24 * 60 * 60 * 1000;
/** Dispatched outbox rows are kept this long (the audit log keeps the events themselves). */
const OUTBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** Notifications a person has read are kept this long, then let go. */
const READ_KEEP_MS = 180 * 24 * 60 * 60 * 1000;

export async function sweepNotify(now: Date) {
  const expiring = await warnExpiringTokens(now);
  const dispatched = await drainOutbox(() => now);
  const overdue = await db.notification.findMany({
    where: {
      emailDelivery: 'immediate',
      emailedAt: null,
      createdAt: {
        lt: new Date(now.getTime() - MAIL_OVERDUE_MS),
        gt: new Date(now.getTime() - MAIL_GIVE_UP_MS),
      },
    },
    select: { id: true },
    take: 1000,
  });
  await enqueueMail(
    overdue.map((row) => ({ notificationId: row.id, dueAt: now })),
    now,
  );
  const webhooks = await sweepDeliveries(now);
  const [outbox, read] = await Promise.all([
    db.notificationOutbox.deleteMany({
      where: { dispatchedAt: { lt: new Date(now.getTime() - OUTBOX_KEEP_MS) } },
    }),
    db.notification.deleteMany({
      where: { readAt: { lt: new Date(now.getTime() - READ_KEEP_MS) } },
    }),
  ]);
  return {
    expiring,
    dispatched,
    mailRequeued: overdue.length,
    deliveriesRequeued: webhooks.enqueued,
    webhooksDisabled: webhooks.disabled,
    removed: { outbox: outbox.count, read: read.count },
  };
}
