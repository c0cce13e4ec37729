// Lifting a pause. Posts held while it was on stay held: each is released or rescheduled by a
// person, so a backlog is never sent in a burst.
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { PAUSE_VIEW_SELECT, toPauseView, type PauseView } from './pause-view';

export async function liftPause(
  actor: Actor,
  audit: AuditActor,
  pauseId: string,
  now = new Date(),
): Promise<PauseView> {
  const pause = await db.pause.findUnique({
    where: { id: pauseId },
    select: {
      id: true,
      liftedAt: true,
      organisationId: true,
      channel: { select: { organisationId: true } },
    },
  });
  if (!pause) throw new AppError('not_found', 'That pause was not found.');
  const organisationId = pause.organisationId ?? pause.channel?.organisationId ?? null;
  if (!can(actor, 'pause.manage', { organisationId }))
    throw new AppError('forbidden', 'You may not lift this pause.');
  if (pause.liftedAt) throw new AppError('conflict', 'This pause has already been lifted.');
  const lifted = await db.$transaction(async (tx) => {
    const updated = await tx.pause.updateMany({
      where: { id: pause.id, liftedAt: null },
      data: { liftedAt: now, liftedById: actor.userId },
    });
    if (updated.count !== 1) throw new AppError('conflict', 'This pause has already been lifted.');
    await recordAudit(tx, audit, {
      action: 'pause.lifted',
      entityId: pause.id,
      organisationId,
      before: { liftedAt: null },
      after: { liftedAt: now },
    });
    return tx.pause.findUniqueOrThrow({ where: { id: pause.id }, select: PAUSE_VIEW_SELECT });
  });
  return toPauseView(lifted, audit.label, now);
}
