// The people's side of a batch of outbox events: who hears about each (describe-event.ts), in
// notifications rows written in the dispatcher's transaction. A burst (posts held by one pause,
// failures on a force's channels) is one row per person whose count grows while the burst window
// is open; its email waits for the window to close, so it reports the final count. A batch costs
// a fixed number of queries, however many events it holds.
import type { Prisma } from '@/prisma/generated/client';
import { channelName } from '../audit/audit-subjects';
import type { Platform } from '../platforms/types';
import {
  describeEvent,
  type Described,
  type EventFacts,
  type Person,
  resolveAudience,
} from './describe-event';
import { BURST_WINDOW_MS, deliveryFor, NOTIFICATION_KINDS } from './kinds';
import type { MailDue } from './mail-queue';
import { type OutboxEvent, snapshotString } from './outbox-event';

type Tx = Prisma.TransactionClient;

const idsOf = (events: readonly OutboxEvent[], type: string) => [
  ...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId)),
];

async function loadFacts(tx: Tx, events: readonly OutboxEvent[]): Promise<Map<bigint, EventFacts>> {
  const channelSelect = {
    platform: true,
    handle: true,
    organisation: { select: { name: true } },
  } as const;
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const [messages, posts, channels, pauses, webhooks, actors] = await Promise.all([
    tx.message.findMany({
      where: { id: { in: idsOf(events, 'message') } },
      select: { id: true, title: true, authorId: true, campaign: { select: { name: true } } },
    }),
    tx.post.findMany({
      where: { id: { in: idsOf(events, 'post') } },
      select: {
        id: true,
        message: { select: { title: true } },
        channel: { select: channelSelect },
      },
    }),
    tx.channel.findMany({
      where: { id: { in: idsOf(events, 'channel') } },
      select: { id: true, ...channelSelect },
    }),
    tx.pause.findMany({
      where: { id: { in: idsOf(events, 'pause') } },
      select: {
        id: true,
        scope: true,
        reason: true,
        organisation: { select: { name: true } },
        channel: { select: channelSelect },
        campaign: { select: { name: true } },
      },
    }),
    tx.webhook.findMany({
      where: { id: { in: idsOf(events, 'webhook') } },
      select: { id: true, createdById: true, url: true },
    }),
    tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [messageOf, postOf, channelOf, pauseOf, webhookOf, actorOf] = [
    byId(messages),
    byId(posts),
    byId(channels),
    byId(pauses),
    byId(webhooks),
    byId(actors),
  ];
  const label = (channel: { platform: Platform; handle: string; organisation: { name: string } }) =>
    channelName(channel);

  const facts = new Map<bigint, EventFacts>();
  for (const event of events) {
    const fact: EventFacts = {};
    const actor = event.actorId ? actorOf.get(event.actorId) : undefined;
    if (actor) fact.actorName = actor.name;
    const message = messageOf.get(event.entityId);
    if (event.entityType === 'message' && message) {
      fact.message = {
        id: message.id,
        title: message.title,
        authorId: message.authorId,
        campaignName: message.campaign.name,
      };
    }
    const post = postOf.get(event.entityId);
    if (event.entityType === 'post' && post) {
      fact.post = { messageTitle: post.message.title, channelLabel: label(post.channel) };
    }
    const channel = channelOf.get(event.entityId);
    if (event.entityType === 'channel' && channel) fact.channel = { label: label(channel) };
    const pause = pauseOf.get(event.entityId);
    if (event.entityType === 'pause' && pause) {
      const target = {
        global: 'every organisation',
        organisation: pause.organisation?.name ?? 'an organisation',
        channel: pause.channel ? label(pause.channel) : 'a channel',
        campaign: pause.campaign ? `the campaign ${pause.campaign.name}` : 'a campaign',
      }[pause.scope];
      fact.pause = { target, reason: pause.reason };
    }
    const webhook = webhookOf.get(event.entityId);
    if (event.entityType === 'webhook' && webhook) {
      fact.webhook = {
        createdById: snapshotString(event, 'createdById') ?? webhook.createdById,
        host: hostOf(webhook.url),
      };
    }
    facts.set(event.auditEventId, fact);
  }
  return facts;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Everyone who could hear anything, with their roles: one query (people number in hundreds). */
async function loadPeople(tx: Tx): Promise<Person[]> {
  const rows = await tx.membership.findMany({
    select: { userId: true, organisationId: true, role: true },
  });
  const people = new Map<string, Person>();
  for (const row of rows) {
    const person = people.get(row.userId) ?? { userId: row.userId, roles: [], memberships: [] };
    if (!person.roles.includes(row.role)) person.roles.push(row.role);
    person.memberships.push({ organisationId: row.organisationId, role: row.role });
    people.set(row.userId, person);
  }
  return [...people.values()];
}

interface Pending {
  userId: string;
  described: Described;
  count: number;
  auditEventId: bigint;
}

export interface PlannedNotifications {
  /** Notifications made or counted up in this batch. */
  notifications: number;
  /** Mail owed at once (or at the end of a burst) for new notifications. */
  mail: MailDue[];
}

/**
 * Writes the notifications for these events. Call inside the dispatcher's transaction, which holds
 * the dispatch lock, so two workers never count up the same burst at once.
 */
export async function planNotifications(
  tx: Tx,
  events: readonly OutboxEvent[],
  now: Date,
): Promise<PlannedNotifications> {
  const facts = await loadFacts(tx, events);
  const people = await loadPeople(tx);
  // Same person, same burst within this batch: one pending row, counted.
  const pending = new Map<string, Pending>();
  let solo = 0;
  for (const event of events) {
    const described = describeEvent(event, facts.get(event.auditEventId) ?? {});
    if (!described) continue;
    for (const userId of resolveAudience(described.audience, people)) {
      const key = described.groupKey
        ? `${userId}\u0000${described.groupKey}`
        : `solo\u0000${(solo += 1)}`;
      const existing = pending.get(key);
      if (existing) {
        existing.count += 1;
        existing.described = described;
        existing.auditEventId = event.auditEventId;
      } else pending.set(key, { userId, described, count: 1, auditEventId: event.auditEventId });
    }
  }
  if (pending.size === 0) return { notifications: 0, mail: [] };

  // Bursts still open from earlier batches: count them up instead of adding a row.
  const grouped = [...pending.values()].filter((item) => item.described.groupKey !== null);
  const open = grouped.length
    ? await tx.notification.findMany({
        where: {
          userId: { in: [...new Set(grouped.map((item) => item.userId))] },
          groupKey: { in: [...new Set(grouped.map((item) => item.described.groupKey!))] },
          readAt: null,
          emailedAt: null,
          createdAt: { gte: new Date(now.getTime() - BURST_WINDOW_MS) },
        },
        orderBy: { createdAt: 'desc' },
        select: { id: true, userId: true, groupKey: true, count: true },
      })
    : [];
  const openByKey = new Map<string, (typeof open)[number]>();
  for (const row of open) {
    const key = `${row.userId}\u0000${row.groupKey}`;
    if (!openByKey.has(key)) openByKey.set(key, row);
  }

  const fresh: Pending[] = [];
  for (const item of pending.values()) {
    const row = item.described.groupKey
      ? openByKey.get(`${item.userId}\u0000${item.described.groupKey}`)
      : undefined;
    if (!row) {
      fresh.push(item);
      continue;
    }
    const count = row.count + item.count;
    await tx.notification.update({
      where: { id: row.id },
      data: {
        count,
        title: item.described.title(count),
        body: item.described.body,
        auditEventId: item.auditEventId,
      },
    });
  }

  const settings = await tx.notificationSettings.findMany({
    where: { userId: { in: [...new Set(fresh.map((item) => item.userId))] } },
    select: { userId: true, email: true },
  });
  const chosen = new Map(settings.map((row) => [row.userId, row.email]));
  const rolesOf = new Map(people.map((person) => [person.userId, person.roles]));
  const created = await tx.notification.createManyAndReturn({
    data: fresh.map((item) => ({
      userId: item.userId,
      kind: item.described.kind,
      title: item.described.title(item.count),
      body: item.described.body,
      link: item.described.link,
      groupKey: item.described.groupKey,
      count: item.count,
      auditEventId: item.auditEventId,
      createdAt: now,
      emailDelivery: deliveryFor(
        item.described.kind,
        rolesOf.get(item.userId) ?? [],
        chosen.get(item.userId),
      ),
    })),
    select: { id: true, kind: true, emailDelivery: true, createdAt: true },
  });
  const mail = created
    .filter((row) => row.emailDelivery === 'immediate')
    .map((row) => {
      const bursts =
        Object.hasOwn(NOTIFICATION_KINDS, row.kind) &&
        NOTIFICATION_KINDS[row.kind as keyof typeof NOTIFICATION_KINDS].bursts;
      return {
        notificationId: row.id,
        dueAt: new Date(row.createdAt.getTime() + (bursts ? BURST_WINDOW_MS : 0)),
      };
    });
  return { notifications: pending.size, mail };
}
