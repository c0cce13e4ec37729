// Reading the audit log: who did what, when, with the before and after of each change. Newest
// first, a page at a time. There is no update or delete here, nor anywhere else.
import { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { decodeCursor, type ListQuery, toPage } from '../api/pagination';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { forbidden, invalid } from '../errors';

const Instant = z.iso
  .datetime({ offset: true, error: 'must be a time with its offset, such as 2026-01-15T09:00:00Z' })
  .transform((text) => new Date(text));

export const AuditFilter = z.object({
  /** "message", "campaign", "signpost", "post", … */
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  /** A user's id or email address (API-token use shows as the email too). */
  actor: z.string().trim().min(1).max(320).optional(),
  /** The start of the action's name: "message." for everything done to messages. */
  action: z.string().trim().min(1).max(100).optional(),
  /** From this moment, inclusive. */
  from: Instant.optional(),
  /** Up to this moment, exclusive. */
  to: Instant.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditEventView = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string().nullable(), label: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    organisationId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof AuditEventView>;

// The id is a bigint sequence; as a string in the cursor, so no precision is lost in JSON.
const Cursor = z.object({ at: z.iso.datetime(), id: z.string().regex(/^\d+$/) });

export async function listAudit(
  actor: Actor,
  query: ListQuery & AuditFilter,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  if (!can(actor, 'audit.read'))
    throw forbidden('Only campaign leads and administrators can read the audit log.');
  if (query.from && query.to && query.to <= query.from) {
    throw invalid('The period is empty: "to" must be after "from".', { to: 'must be after from' });
  }
  const after = decodeCursor(query.cursor, Cursor);
  const where: Prisma.AuditEventWhereInput[] = [];
  if (query.entityType) where.push({ entityType: query.entityType });
  if (query.entityId) where.push({ entityId: query.entityId });
  if (query.action) where.push({ action: { startsWith: query.action } });
  if (query.actor) {
    where.push({
      OR: [
        { actorId: query.actor },
        { actorLabel: query.actor },
        { actorLabel: { startsWith: `${query.actor} (` } },
      ],
    });
  }
  if (query.from || query.to) where.push({ at: { gte: query.from, lt: query.to } });
  if (after) {
    const at = new Date(after.at);
    where.push({ OR: [{ at: { lt: at } }, { at, id: { lt: BigInt(after.id) } }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const events = rows.map((row): AuditEventView => ({
    id: row.id.toString(),
    at: row.at.toISOString(),
    actor: { id: row.actorId, label: row.actorLabel },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    organisationId: row.organisationId,
    before: row.before,
    after: row.after,
  }));
  return toPage(events, query.limit, (event) => ({ at: event.at, id: event.id }));
}
