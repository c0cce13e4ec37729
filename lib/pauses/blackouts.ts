// Blackout windows: periods an organisation sets ahead when it must not publish (a
// pre-election period, a major incident). Posts falling in one are held like paused ones, and
// scheduling into one is refused with the reason.
import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { parseScheduleTime } from '../scheduling/london-time';

export const BlackoutRequest = z
  .strictObject({
    organisation: z.string().min(1).max(100).meta({ description: 'organisation slug' }),
    reason: z.string().trim().min(3).max(500),
    startsAt: z.string().max(64),
    endsAt: z.string().max(64),
  })
  .meta({ id: 'BlackoutRequest' });
export type BlackoutRequest = z.infer<typeof BlackoutRequest>;

export const BlackoutView = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    reason: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  })
  .meta({ id: 'Blackout' });
export type BlackoutView = z.infer<typeof BlackoutView>;

const SELECT = {
  id: true,
  reason: true,
  startsAt: true,
  endsAt: true,
  organisation: { select: { id: true, slug: true, name: true } },
} as const;
type Row = {
  id: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  organisation: BlackoutView['organisation'];
};
const toView = (row: Row): BlackoutView => ({
  ...row,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
});

function instant(value: string, field: string): Date {
  const parsed = parseScheduleTime(value);
  if (parsed.kind !== 'ok')
    throw new AppError('validation_failed', parsed.message, { [field]: parsed.message });
  return parsed.instant;
}

export async function createBlackout(
  actor: Actor,
  audit: AuditActor,
  request: BlackoutRequest,
  now = new Date(),
): Promise<BlackoutView> {
  const organisation = await db.organisation.findUnique({
    where: { slug: request.organisation },
    select: { id: true },
  });
  if (!organisation)
    throw new AppError('validation_failed', `Unknown organisation: ${request.organisation}.`, {
      organisation: 'unknown',
    });
  if (!can(actor, 'blackout.manage', { organisationId: organisation.id }))
    throw new AppError('forbidden', 'You may not set blackouts for this organisation.');
  const startsAt = instant(request.startsAt, 'startsAt');
  const endsAt = instant(request.endsAt, 'endsAt');
  if (endsAt <= startsAt)
    throw new AppError('validation_failed', 'A blackout must end after it starts.', {
      endsAt: 'must be after startsAt',
    });
  if (endsAt <= now)
    throw new AppError('validation_failed', 'That blackout has already ended.', {
      endsAt: 'must be in the future',
    });
  return db.$transaction(async (tx) => {
    const created = await tx.blackout.create({
      data: {
        organisationId: organisation.id,
        reason: request.reason,
        startsAt,
        endsAt,
        createdById: actor.userId,
      },
      select: SELECT,
    });
    await recordAudit(tx, audit, {
      action: 'blackout.created',
      entityId: created.id,
      organisationId: organisation.id,
      after: { reason: created.reason, startsAt, endsAt },
    });
    return toView(created);
  });
}

export async function listBlackouts(
  now = new Date(),
): Promise<{ items: BlackoutView[]; nextCursor: null }> {
  const rows = await db.blackout.findMany({
    where: { endsAt: { gt: now } },
    select: SELECT,
    orderBy: { startsAt: 'asc' },
  });
  return { items: rows.map(toView), nextCursor: null };
}

export async function removeBlackout(
  actor: Actor,
  audit: AuditActor,
  blackoutId: string,
): Promise<BlackoutView> {
  const blackout = await db.blackout.findUnique({ where: { id: blackoutId }, select: SELECT });
  if (!blackout) throw new AppError('not_found', 'That blackout was not found.');
  if (!can(actor, 'blackout.manage', { organisationId: blackout.organisation.id }))
    throw new AppError('forbidden', 'You may not remove this blackout.');
  await db.$transaction(async (tx) => {
    await tx.blackout.delete({ where: { id: blackout.id } });
    await recordAudit(tx, audit, {
      action: 'blackout.removed',
      entityId: blackout.id,
      organisationId: blackout.organisation.id,
      before: { reason: blackout.reason, startsAt: blackout.startsAt, endsAt: blackout.endsAt },
    });
  });
  return toView(blackout);
}
