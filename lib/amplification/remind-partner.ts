// "Remind": a lead asks a partner organisation that has not shared a message yet to share it. The
// reminder is an audit event; the outbox turns it into a notification for the partner's people
// and, by their choice (at once by default), an email. One per partner per message per day
// (reminder-window.ts), decided under a lock so two leads clicking at once send one.
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { type Actor, can, PARTNER_MESSAGES } from '../auth/permissions';
import { db } from '../db';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { quietReasons } from '../library/quiet-period';
import { CARRYING_STATUSES } from './amplification-rows';
import type { RemindAnswer, RemindRequest } from './amplification-schemas';
import { REMINDER_INTERVAL_MS, reminderDecision } from './reminder-window';

export async function remindPartner(
  actor: Actor,
  audit: AuditActor,
  request: RemindRequest,
  now = new Date(),
): Promise<RemindAnswer> {
  if (!can(actor, 'amplification.remind'))
    throw forbidden('Only campaign leads and administrators remind partners.');
  const organisation = await db.organisation.findUnique({
    where: { slug: request.organisation },
    select: { id: true, slug: true, name: true, kind: true },
  });
  if (!organisation || organisation.kind !== 'partner') throw notFound('Partner organisation');
  const message = await db.message.findFirst({
    where: { id: request.messageId, ...PARTNER_MESSAGES, campaign: { status: 'active' } },
    select: { id: true, title: true, campaign: { select: { id: true, name: true } } },
  });
  if (!message) throw notFound('Message');
  const quiet = (await quietReasons(organisation, [message.campaign], now)).get(
    message.campaign.id,
  );

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`remind:${organisation.id}:${message.id}`}))`;
    const within = { organisationId: organisation.id, messageId: message.id };
    const [post, download, share, last] = await Promise.all([
      tx.post.findFirst({
        where: { ...within, status: { in: [...CARRYING_STATUSES] } },
        select: { id: true },
      }),
      tx.sharePackDownload.findFirst({ where: within, select: { id: true } }),
      tx.share.findFirst({ where: within, select: { id: true } }),
      tx.auditEvent.findFirst({
        where: {
          action: 'message.remind',
          entityType: 'message',
          entityId: message.id,
          organisationId: organisation.id,
        },
        orderBy: { at: 'desc' },
        select: { at: true },
      }),
    ]);
    const decision = reminderDecision({
      shared: post !== null || download !== null || share !== null,
      quietReason: quiet ?? null,
      lastRemindedAt: last?.at ?? null,
      now,
    });
    if (!decision.allowed) {
      const who = `${organisation.name}: ${decision.reason}`;
      if (decision.code === 'reminded_recently' && decision.retryAt)
        throw new AppError(
          'rate_limited',
          who,
          undefined,
          Math.max(1, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000)),
        );
      throw conflict(who);
    }
    await recordAudit(tx, audit, {
      action: 'message.remind',
      entityId: message.id,
      organisationId: organisation.id,
      after: { organisation: organisation.slug, title: message.title },
    });
    return {
      organisation: { slug: organisation.slug, name: organisation.name },
      messageId: message.id,
      remindedAt: now.toISOString(),
      nextReminderAt: new Date(now.getTime() + REMINDER_INTERVAL_MS).toISOString(),
    };
  });
}
