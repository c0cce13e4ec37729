// The webhooks a person may manage, newest first, and one webhook's delivery log (newest first,
// paged).
import { z } from 'zod';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { findManagedWebhook, visibleWebhooks } from './webhook-access';
import {
  DELIVERY_VIEW_SELECT,
  type DeliveryView,
  toDeliveryView,
  toWebhookView,
  WEBHOOK_VIEW_SELECT,
  type WebhookView,
} from './webhook-view';

export async function listWebhooks(
  actor: Actor,
): Promise<{ items: WebhookView[]; nextCursor: null }> {
  const rows = await db.webhook.findMany({
    where: visibleWebhooks(actor),
    select: WEBHOOK_VIEW_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    // Registered by hand, a few per organisation: one page holds them all.
    take: 500,
  });
  return { items: rows.map(toWebhookView), nextCursor: null };
}

const DeliveryCursor = z.object({ createdAt: z.iso.datetime(), id: z.string() });

export async function listDeliveries(
  actor: Actor,
  webhookId: string,
  query: ListQuery,
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  const webhook = await findManagedWebhook(actor, webhookId, { id: true });
  const after = decodeCursor(query.cursor, DeliveryCursor);
  const rows = await db.webhookDelivery.findMany({
    where: {
      webhookId: webhook.id,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.createdAt) } },
              { createdAt: new Date(after.createdAt), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    select: DELIVERY_VIEW_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  return toPage(rows.map(toDeliveryView), query.limit, (row) => ({
    createdAt: row.createdAt,
    id: row.id,
  }));
}
