// The dispatcher: turns committed outbox rows into notifications and webhook deliveries, once.
//
// A batch is one transaction: take the dispatch lock (a transaction-scoped advisory lock, so two
// worker processes take turns and never count up one burst twice), claim the oldest undispatched
// rows, write the notifications and the deliveries, mark the rows dispatched, commit. Only then
// are mail and delivery jobs enqueued; if that fails (Redis away), the rows in the database say
// what is owed and the notify sweep enqueues it. An event is therefore planned exactly once, and
// only after the change that raised it has committed (the trigger wrote it in that transaction).
import { db } from '../db';
import { log } from '../log';
import { enqueueDeliveries } from '../webhooks/enqueue-deliveries';
import { planDeliveries } from '../webhooks/plan-deliveries';
import { enqueueMail } from './mail-queue';
import type { OutboxEvent } from './outbox-event';
import { planNotifications } from './plan-notifications';

/** Any fixed number: the key of the dispatch lock (pg_advisory_xact_lock). */
const DISPATCH_LOCK = 7_310_009;
const BATCH = 500;

export interface DispatchReport {
  events: number;
  notifications: number;
  deliveries: number;
}

/** One batch. `now` is the clock of the notifications' bursts and the deliveries' times. */
export async function dispatchBatch(
  now: Date = new Date(),
  limit = BATCH,
): Promise<DispatchReport> {
  const planned = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISPATCH_LOCK})`;
      const events = await tx.$queryRaw<OutboxEvent[]>`
        SELECT o.id AS "outboxId", a.id AS "auditEventId", a.at, a.action, a."entityType",
               a."entityId", a."organisationId", a."actorId", a."actorLabel", a.before, a.after
        FROM notification_outbox o
        JOIN audit_events a ON a.id = o."auditEventId"
        WHERE o."dispatchedAt" IS NULL
        ORDER BY o.id
        LIMIT ${limit}
        FOR UPDATE OF o SKIP LOCKED`;
      if (events.length === 0) return null;
      const people = await planNotifications(tx, events, now);
      const deliveries = await planDeliveries(tx, events, now);
      await tx.$executeRaw`
        UPDATE notification_outbox SET "dispatchedAt" = ${now}
        WHERE id = ANY(${events.map((event) => event.outboxId)}::bigint[])`;
      return { events: events.length, people, deliveries };
    },
    { timeout: 30_000 },
  );
  if (!planned) return { events: 0, notifications: 0, deliveries: 0 };
  await Promise.all([enqueueMail(planned.people.mail, now), enqueueDeliveries(planned.deliveries)]);
  return {
    events: planned.events,
    notifications: planned.people.notifications,
    deliveries: planned.deliveries.length,
  };
}

/** Batches until the outbox is empty; the totals. */
export async function drainOutbox(now: () => Date = () => new Date()): Promise<DispatchReport> {
  const total: DispatchReport = { events: 0, notifications: 0, deliveries: 0 };
  for (;;) {
    const report = await dispatchBatch(now());
    total.events += report.events;
    total.notifications += report.notifications;
    total.deliveries += report.deliveries;
    if (report.events < BATCH) return total;
  }
}

/**
 * Runs drainOutbox whenever asked, one run at a time: asked while running, it runs once more
 * after, so a signal that arrives mid-run is never lost and a storm of signals is one or two runs.
 */
export function outboxDrainer(now: () => Date = () => new Date()) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      try {
        const report = await drainOutbox(now);
        if (report.events > 0) log.debug(report, 'outbox dispatched');
      } catch (error) {
        log.error({ err: error }, 'outbox dispatch failed; the sweep will try again');
      }
    } while (again);
    running = null;
  };
  return {
    request(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = run();
      return running;
    },
    /** The run in progress, if any (for a clean shutdown). */
    idle: () => running ?? Promise.resolve(),
  };
}
