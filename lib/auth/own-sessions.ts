// A person's own browser sessions: where they are signed in, when each was last used, and
// signing one out (deleting it, so its cookie is refused on the next request). Another person's
// session is "not found".
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { notFound } from '../errors';
import { describeDevice } from './describe-device';

export interface OwnSession {
  id: string;
  device: string;
  ipAddress: string | null;
  signedInAt: Date;
  /** better-auth moves updatedAt when it extends a session in use (at most hourly). */
  lastSeenAt: Date;
  expiresAt: Date;
  current: boolean;
}

export async function listOwnSessions(
  userId: string,
  currentSessionId: string | undefined,
  now = new Date(),
): Promise<OwnSession[]> {
  const sessions = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      userAgent: true,
      ipAddress: true,
      createdAt: true,
      updatedAt: true,
      expiresAt: true,
    },
  });
  return sessions.map((session) => ({
    id: session.id,
    device: describeDevice(session.userAgent),
    ipAddress: session.ipAddress,
    signedInAt: session.createdAt,
    lastSeenAt: session.updatedAt,
    expiresAt: session.expiresAt,
    current: session.id === currentSessionId,
  }));
}

export async function revokeOwnSession(
  user: { id: string },
  by: AuditActor,
  sessionId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const removed = await tx.session.deleteMany({ where: { id: sessionId, userId: user.id } });
    if (removed.count === 0) throw notFound('That session');
    await recordAudit(tx, by, {
      action: 'user.session_revoked',
      entityId: user.id,
      after: { sessionId },
    });
  });
}
