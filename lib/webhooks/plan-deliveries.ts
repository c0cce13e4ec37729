// Which webhooks hear about each outbox event, as pending delivery rows written in the
// dispatcher's transaction (so an event is planned exactly once; the unique (webhook, eventId)
// makes planning twice add nothing). A webhook of an organisation hears that organisation's
// events; a region-wide one hears every organisation's; an event of no one organisation (a
// global or campaign pause, an approved message) goes to every webhook subscribed to it.
// Batched: the enabled webhooks in one query, then one query per kind of thing the events are
// about, then one insert, however many events the burst holds.
import type { Prisma } from '@/prisma/generated/client';
import type { AuditAction } from '../audit/audit-actions';
import type { OutboxEvent } from '../notifications/outbox-event';
import {
  deliveryBody,
  type EventFacts,
  eventData,
  eventIdOf,
  type MessageFacts,
  type PauseFacts,
  type PostFacts,
} from './event-body';
import { WEBHOOK_EVENT_OF, type WebhookEvent } from './events';

type Tx = Prisma.TransactionClient;

interface Subscriber {
  id: string;
  organisationId: string | null;
  events: string[];
}

export function webhookEventOf(event: OutboxEvent): WebhookEvent | undefined {
  return WEBHOOK_EVENT_OF[event.action as AuditAction];
}

/** Whether this webhook hears this event. Pure. */
export function hears(webhook: Subscriber, event: OutboxEvent, webhookEvent: WebhookEvent) {
  if (!webhook.events.includes(webhookEvent)) return false;
  return (
    event.organisationId === null ||
    webhook.organisationId === null ||
    webhook.organisationId === event.organisationId
  );
}

const ORGANISATION = { select: { slug: true, name: true } } as const;

async function readFacts(tx: Tx, events: { event: OutboxEvent; webhookEvent: WebhookEvent }[]) {
  const idsOf = (...kinds: WebhookEvent[]) => [
    ...new Set(
      events.filter((item) => kinds.includes(item.webhookEvent)).map((item) => item.event.entityId),
    ),
  ];
  const postIds = idsOf('post.published', 'post.failed', 'post.held');
  const messageIds = idsOf('message.approved');
  const pauseIds = idsOf('pause.started', 'pause.lifted');
  const [posts, messages, pauses] = await Promise.all([
    postIds.length === 0
      ? ([] as PostFacts[])
      : tx.post.findMany({
          where: { id: { in: postIds } },
          select: {
            id: true,
            platform: true,
            scheduledAt: true,
            publishedAt: true,
            externalUrl: true,
            lastError: true,
            heldReason: true,
            organisation: ORGANISATION,
            channel: { select: { handle: true } },
            message: { select: { id: true, title: true } },
            campaign: { select: { id: true, name: true } },
          },
        }),
    messageIds.length === 0
      ? ([] as MessageFacts[])
      : tx.message.findMany({
          where: { id: { in: messageIds } },
          select: {
            id: true,
            title: true,
            campaign: { select: { id: true, name: true } },
            approver: { select: { name: true } },
          },
        }),
    pauseIds.length === 0
      ? ([] as PauseFacts[])
      : tx.pause.findMany({
          where: { id: { in: pauseIds } },
          select: {
            id: true,
            scope: true,
            reason: true,
            startsAt: true,
            endsAt: true,
            liftedAt: true,
            organisation: ORGANISATION,
            channel: { select: { handle: true, platform: true } },
            campaign: { select: { id: true, name: true } },
          },
        }),
  ]);
  const facts: EventFacts = {
    posts: new Map(posts.map((row) => [row.id, row])),
    messages: new Map(messages.map((row) => [row.id, row])),
    pauses: new Map(pauses.map((row) => [row.id, row])),
  };
  return facts;
}

/** Inserts the deliveries for these events; answers the new deliveries' ids. */
export async function planDeliveries(
  tx: Tx,
  events: readonly OutboxEvent[],
  _now: Date,
): Promise<string[]> {
  const raising = events.flatMap((event) => {
    const webhookEvent = webhookEventOf(event);
    return webhookEvent ? [{ event, webhookEvent }] : [];
  });
  if (raising.length === 0) return [];
  const webhooks = await tx.webhook.findMany({
    where: {
      disabledAt: null,
      events: { hasSome: [...new Set(raising.map((r) => r.webhookEvent))] },
    },
    select: { id: true, organisationId: true, events: true },
  });
  if (webhooks.length === 0) return [];
  const heard = raising
    .map((item) => ({
      ...item,
      webhooks: webhooks.filter((webhook) => hears(webhook, item.event, item.webhookEvent)),
    }))
    .filter((item) => item.webhooks.length > 0);
  if (heard.length === 0) return [];
  const facts = await readFacts(tx, heard);
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const { event, webhookEvent, webhooks: listeners } of heard) {
    const data = eventData(event, webhookEvent, facts);
    // What it was about is gone (a campaign deleted since): nothing to tell.
    if (data === null) continue;
    const eventId = eventIdOf(event);
    const body = deliveryBody({ id: eventId, event: webhookEvent, createdAt: event.at, data });
    for (const webhook of listeners)
      rows.push({ webhookId: webhook.id, eventId, event: webhookEvent, body });
  }
  if (rows.length === 0) return [];
  const created = await tx.webhookDelivery.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { id: true },
  });
  return created.map((row) => row.id);
}
