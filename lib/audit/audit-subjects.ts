// What each audit event was about, in words people recognise, with where to find it — the
// message's title, the campaign's name, "“Title” on Lancashire Constabulary's X (@LancsPolice)"
// for a post, the organisation a pause or blackout was for — and who each actor is by name. Read
// for a page of events at once, one query per kind of thing.
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { platformRules } from '../platforms/rules';
import type { Platform } from '../platforms/types';
import { webhookHost } from '../webhooks/webhook-url';
import type { AuditSubject } from './audit-actions';
import type { AuditEventView } from './list-audit';
import { SYSTEM_ACTOR } from './record-audit';

export interface AuditNames {
  /** By `${entityType}:${entityId}`. */
  subjects: Record<string, AuditSubject>;
  /** By user id. */
  people: Record<string, string>;
}

export const auditSubjectKey = (event: Pick<AuditEventView, 'entityType' | 'entityId'>) =>
  `${event.entityType}:${event.entityId}`;

/** "Lancashire Constabulary's X (@LancsPolice)" */
export function channelName(channel: {
  platform: Platform;
  handle: string;
  organisation: { name: string };
}): string {
  return `${channel.organisation.name}'s ${platformRules[channel.platform].label} (${channel.handle})`;
}

function snapshotText(event: AuditEventView, field: string): string | undefined {
  for (const side of [event.after, event.before]) {
    if (side && typeof side === 'object' && field in side) {
      const value = (side as Record<string, unknown>)[field];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}

const idsOf = (events: AuditEventView[], type: string) => [
  ...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId)),
];

const CHANNEL = {
  platform: true,
  handle: true,
  organisation: { select: { name: true } },
} as const;

function readNames(events: AuditEventView[]) {
  const actorIds = [
    ...new Set(events.flatMap((event) => (event.actor.id ? [event.actor.id] : []))),
  ];
  return Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.message.findMany({
      where: { id: { in: idsOf(events, 'message') } },
      select: { id: true, title: true },
    }),
    db.campaign.findMany({
      where: { id: { in: idsOf(events, 'campaign') } },
      select: { id: true, name: true },
    }),
    db.post.findMany({
      where: { id: { in: idsOf(events, 'post') } },
      select: {
        id: true,
        messageId: true,
        message: { select: { title: true } },
        channel: { select: CHANNEL },
      },
    }),
    db.channel.findMany({
      where: { id: { in: idsOf(events, 'channel') } },
      select: { id: true, ...CHANNEL },
    }),
    db.pause.findMany({
      where: { id: { in: idsOf(events, 'pause') } },
      select: {
        id: true,
        scope: true,
        organisation: { select: { name: true } },
        channel: { select: CHANNEL },
        campaign: { select: { id: true, name: true } },
      },
    }),
    db.blackout.findMany({
      where: { id: { in: idsOf(events, 'blackout') } },
      select: { id: true, organisation: { select: { name: true } } },
    }),
    db.webhook.findMany({
      where: { id: { in: idsOf(events, 'webhook') } },
      select: { id: true, url: true },
    }),
  ]);
}

export async function auditNames(actor: Actor, events: AuditEventView[]): Promise<AuditNames> {
  if (!can(actor, 'audit.read'))
    throw forbidden('Only campaign leads and administrators can read the audit log.');
  const [users, messages, campaigns, posts, channels, pauses, blackouts, webhooks] =
    await readNames(events);
  const subjects: Record<string, AuditSubject> = {};
  for (const row of messages)
    subjects[`message:${row.id}`] = { text: `“${row.title}”`, href: `/messages/${row.id}` };
  for (const row of campaigns)
    subjects[`campaign:${row.id}`] = { text: `“${row.name}”`, href: `/campaigns/${row.id}` };
  for (const row of posts) {
    subjects[`post:${row.id}`] = {
      text: `“${row.message.title}” on ${channelName(row.channel)}`,
      href: `/messages/${row.messageId}`,
    };
  }
  for (const row of channels)
    subjects[`channel:${row.id}`] = { text: channelName(row), href: '/settings' };
  for (const row of pauses) {
    subjects[`pause:${row.id}`] = {
      text:
        row.scope === 'global'
          ? 'every organisation'
          : row.scope === 'campaign'
            ? `the campaign “${row.campaign?.name ?? ''}”`
            : row.channel
              ? channelName(row.channel)
              : (row.organisation?.name ?? 'an organisation'),
      href: '/schedule',
    };
  }
  for (const row of blackouts)
    subjects[`blackout:${row.id}`] = { text: row.organisation.name, href: '/settings' };
  // By host only: a webhook URL's path or query may carry the receiver's own token.
  for (const row of webhooks)
    subjects[`webhook:${row.id}`] = {
      text: `to ${webhookHost(row.url)}`,
      href: '/settings/webhooks',
    };
  for (const event of events) {
    if (subjects[auditSubjectKey(event)]) continue;
    const named =
      snapshotText(event, 'title') ?? snapshotText(event, 'name') ?? snapshotText(event, 'label');
    if (named) subjects[auditSubjectKey(event)] = { text: `“${named}”` };
    else if (event.entityType === 'webhook') {
      // Removed since: the host its events recorded.
      const host = snapshotText(event, 'host');
      if (host) subjects[auditSubjectKey(event)] = { text: `to ${host}` };
    } else if (event.entityType === 'signpost') {
      const version = snapshotText(event, 'version');
      if (version)
        subjects[auditSubjectKey(event)] = {
          text: `version ${version}`,
          href: '/settings/signpost',
        };
    }
  }
  return { subjects, people: Object.fromEntries(users.map((user) => [user.id, user.name])) };
}

/** Who did it, by name: a person's name, their email if they are gone, or Signpost itself. */
export function whoDid(event: Pick<AuditEventView, 'actor'>, names: AuditNames): string {
  const name = event.actor.id ? names.people[event.actor.id] : undefined;
  if (name) return name;
  return event.actor.label === SYSTEM_ACTOR.label ? 'Signpost' : event.actor.label;
}

/** Everyone who could appear in the log, for the "person" filter. */
export async function auditPeople(
  actor: Actor,
): Promise<{ id: string; name: string; email: string }[]> {
  if (!can(actor, 'audit.read'))
    throw forbidden('Only campaign leads and administrators can read the audit log.');
  return db.user.findMany({
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}
