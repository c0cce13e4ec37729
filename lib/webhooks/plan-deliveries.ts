// Which webhooks hear about each outbox event, as pending delivery rows written in the
// dispatcher's transaction (so an event is planned exactly once). TO BE WRITTEN (webhooks work).
import type { Prisma } from '@/prisma/generated/client';
import type { OutboxEvent } from '../notifications/outbox-event';

/** Inserts the deliveries for these events; answers the new deliveries' ids. */
export async function planDeliveries(
  _tx: Prisma.TransactionClient,
  _events: readonly OutboxEvent[],
  _now: Date,
): Promise<string[]> {
  return [];
}
