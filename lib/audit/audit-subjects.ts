// What each audit event was about, in words people recognise — the message's title, the
// campaign's name, "“Title” on X (@handle)" for a post — and who each actor is by name. Read
// for a page of events at once, one query per kind of thing.
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden } from '../errors';
import { platformRules } from '../platforms/rules';
import type { AuditEventView } from './list-audit';

export interface AuditNames {
  /** By `${entityType}:${entityId}`. */
  subjects: Record<string, string>;
  /** By user id. */
  people: Record<string, string>;
}

export const auditSubjectKey = (event: Pick<AuditEventView, 'entityType' | 'entityId'>) =>
  `${event.entityType}:${event.entityId}`;

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

export async function auditNames(actor: Actor, events: AuditEventView[]): Promise<AuditNames> {
  if (!can(actor, 'audit.read'))
    throw forbidden('Only campaign leads and administrators can read the audit log.');
  const actorIds = [
    ...new Set(events.flatMap((event) => (event.actor.id ? [event.actor.id] : []))),
  ];
  const [users, messages, campaigns, posts, channels] = await Promise.all([
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
        platform: true,
        message: { select: { title: true } },
        channel: { select: { handle: true } },
        organisation: { select: { name: true } },
      },
    }),
    db.channel.findMany({
      where: { id: { in: idsOf(events, 'channel') } },
      select: { id: true, platform: true, handle: true },
    }),
  ]);
  const subjects: Record<string, string> = {};
  for (const row of messages) subjects[`message:${row.id}`] = `“${row.title}”`;
  for (const row of campaigns) subjects[`campaign:${row.id}`] = `“${row.name}”`;
  for (const row of posts) {
    subjects[`post:${row.id}`] =
      `“${row.message.title}” on ${platformRules[row.platform].label} (${row.channel.handle}, ${row.organisation.name})`;
  }
  for (const row of channels) {
    subjects[`channel:${row.id}`] = `${platformRules[row.platform].label} ${row.handle}`;
  }
  for (const event of events) {
    if (subjects[auditSubjectKey(event)]) continue;
    const named =
      snapshotText(event, 'title') ?? snapshotText(event, 'name') ?? snapshotText(event, 'label');
    if (named) subjects[auditSubjectKey(event)] = `“${named}”`;
    else if (event.entityType === 'signpost') {
      const version = snapshotText(event, 'version');
      if (version) subjects[auditSubjectKey(event)] = `version ${version}`;
    }
  }
  return { subjects, people: Object.fromEntries(users.map((user) => [user.id, user.name])) };
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
