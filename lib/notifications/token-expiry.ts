// Administrators hear seven days ahead when a channel's access will end without a person
// re-authorising it (channels."credentialsExpireAt"). Each expiry is warned about once: the
// warning and its mark (channels."expiryWarnedFor") commit together, conditionally, so a sweep run
// twice, or by two workers at once, warns once; new credentials with a new expiry warn again.
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { db } from '../db';

export const EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

export async function warnExpiringTokens(now: Date): Promise<number> {
  const due = await db.channel.findMany({
    where: {
      status: 'active',
      credentialsExpireAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS) },
    },
    select: { id: true, organisationId: true, credentialsExpireAt: true, expiryWarnedFor: true },
  });
  let warned = 0;
  for (const channel of due) {
    const expiresAt = channel.credentialsExpireAt!;
    if (channel.expiryWarnedFor?.getTime() === expiresAt.getTime()) continue;
    const marked = await db.$transaction(async (tx) => {
      const updated = await tx.channel.updateMany({
        where: {
          id: channel.id,
          credentialsExpireAt: expiresAt,
          OR: [{ expiryWarnedFor: null }, { expiryWarnedFor: { not: expiresAt } }],
        },
        data: { expiryWarnedFor: expiresAt },
      });
      if (updated.count !== 1) return false;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'channel.token_expiring',
        entityId: channel.id,
        organisationId: channel.organisationId,
        after: { expiresAt: expiresAt.toISOString() },
      });
      return true;
    });
    if (marked) warned += 1;
  }
  return warned;
}
