// A webhook and its deliveries as the API and Settings → Webhooks show them. The secret is never
// part of a view: it is answered once, by registerWebhook.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { WEBHOOK_EVENTS } from './events';

export const WebhookStatus = z.enum(['active', 'failing', 'disabled']);
export type WebhookStatus = z.infer<typeof WebhookStatus>;

export const WebhookView = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    /** null: region-wide, hears every organisation's events. */
    organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    status: WebhookStatus,
    failingSince: z.iso.datetime().nullable(),
    disabledAt: z.iso.datetime().nullable(),
    disabledReason: z.string().nullable(),
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof WebhookView>;

export const WEBHOOK_VIEW_SELECT = {
  id: true,
  url: true,
  events: true,
  createdAt: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  organisation: { select: { id: true, slug: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.WebhookSelect;

type WebhookRow = Prisma.WebhookGetPayload<{ select: typeof WEBHOOK_VIEW_SELECT }>;

export function webhookStatus(row: {
  disabledAt: Date | null;
  failingSince: Date | null;
}): WebhookStatus {
  if (row.disabledAt) return 'disabled';
  return row.failingSince ? 'failing' : 'active';
}

export function toWebhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.events.filter((event) =>
      (WEBHOOK_EVENTS as readonly string[]).includes(event),
    ) as WebhookView['events'],
    organisation: row.organisation,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    status: webhookStatus(row),
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
  };
}

export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed', 'abandoned']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DeliveryView = z
  .object({
    id: z.string(),
    eventId: z.string(),
    event: z.string(),
    status: DeliveryStatus,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    responseMs: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    lastAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type DeliveryView = z.infer<typeof DeliveryView>;

export const DELIVERY_VIEW_SELECT = {
  id: true,
  eventId: true,
  event: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  responseMs: true,
  createdAt: true,
  lastAttemptAt: true,
  deliveredAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_VIEW_SELECT }>;

export function toDeliveryView(row: DeliveryRow): DeliveryView {
  const status = DeliveryStatus.safeParse(row.status);
  return {
    ...row,
    status: status.success ? status.data : 'pending',
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
