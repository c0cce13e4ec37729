// The daily digest, run by the hourly `digest-sweep` job: everyone whose UK digest hour has come
// today (lib/notifications/digest-hour.ts) and who has notifications waiting for a digest gets
// them in one mail, and those are marked mailed.
//
// At most one digest per person per UK day, however many workers sweep or however often: each
// digest is claimed first by a conditional update of notification_settings."lastDigestAt" (the
// row made if the person has none), in the transaction that marks its notifications mailed.
// Like the immediate mail (send-mail.ts) it errs towards one lost digest rather than two: a
// process that dies after the claim and before the server accepts the mail sends nothing. When
// the server cannot be reached, the claim and the marks are given back and the next hour's
// sweep sends it.
import { db } from '../db';
import { env } from '../env';
import { log as baseLog, type Logger } from '../log';
import { DEFAULT_DIGEST_HOUR, digestDayStart, digestDue } from './digest-hour';
import { recordMailFailure, recordMailSent } from './mail-health';
import { describeMailError, sendMail } from './mail-transport';
import { type MailNotification, renderDigestMail } from './render-mail';

interface Waiting {
  userId: string;
  digestHour: number | null;
  lastDigestAt: Date | null;
}

interface Claimed {
  notifications: (MailNotification & { id: string })[];
  user: { name: string; email: string };
}

export class DigestsNotSent extends Error {
  override name = 'DigestsNotSent';
}

export async function sendDigests(options: {
  now: Date;
  log?: Logger;
}): Promise<{ sent: number; failed: number }> {
  const { now } = options;
  const log = options.log ?? baseLog;
  // Only people with something waiting: nothing to send is no mail, and no claim.
  const waiting = await db.$queryRaw<Waiting[]>`
    SELECT DISTINCT n."userId", s."digestHour", s."lastDigestAt"
    FROM notifications n
    LEFT JOIN notification_settings s ON s."userId" = n."userId"
    WHERE n."emailDelivery" = 'digest' AND n."emailedAt" IS NULL AND n."createdAt" <= ${now}`;
  let sent = 0;
  let failed = 0;
  for (const person of waiting) {
    const hour = person.digestHour ?? DEFAULT_DIGEST_HOUR;
    if (!digestDue(now, hour, person.lastDigestAt)) continue;
    const claimed = await claimDigest(person, hour, now);
    if (claimed === null) continue;
    const content = renderDigestMail(claimed.notifications, claimed.user, env().APP_URL);
    try {
      await sendMail({ ...content, to: { name: claimed.user.name, address: claimed.user.email } });
      sent += 1;
    } catch (error) {
      failed += 1;
      await releaseDigest(person, claimed, now);
      const reason = describeMailError(error);
      await recordMailFailure(reason, now);
      log.warn(
        { userId: person.userId, notifications: claimed.notifications.length, reason },
        'the mail server could not take a digest; the next sweep sends it',
      );
    }
  }
  if (sent > 0) await recordMailSent(now);
  if (failed > 0) throw new DigestsNotSent(`${failed} digests not sent (${sent} sent)`);
  return { sent, failed };
}

/**
 * Claims today's digest and marks its notifications mailed, in one transaction; null when
 * another sweep claimed it first, or nothing is left to send (then nothing is claimed).
 */
async function claimDigest(person: Waiting, hour: number, now: Date): Promise<Claimed | null> {
  return db.$transaction(async (tx) => {
    // Inserted with the default hour when the person has no row: due only if that is the hour.
    const claim = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO notification_settings ("userId", "lastDigestAt", "updatedAt")
      VALUES (${person.userId}, ${now}, ${now})
      ON CONFLICT ("userId") DO UPDATE SET "lastDigestAt" = EXCLUDED."lastDigestAt"
      WHERE notification_settings."digestHour" = ${hour}
        AND (notification_settings."lastDigestAt" IS NULL
          OR notification_settings."lastDigestAt" < ${digestDayStart(now)})
      RETURNING "userId"`;
    if (claim.length === 0) return null;
    const notifications = await tx.$queryRaw<Claimed['notifications']>`
      UPDATE notifications SET "emailedAt" = ${now}
      WHERE "userId" = ${person.userId} AND "emailDelivery" = 'digest' AND "emailedAt" IS NULL
        AND "createdAt" <= ${now}
      RETURNING id, kind, title, body, link, "createdAt"`;
    if (notifications.length === 0) {
      await tx.$executeRaw`
        UPDATE notification_settings SET "lastDigestAt" = ${person.lastDigestAt}
        WHERE "userId" = ${person.userId}`;
      return null;
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: person.userId },
      select: { name: true, email: true },
    });
    notifications.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return { notifications, user };
  });
}

/** Gives back a claim whose mail did not go: only ours, so a later sweep's stands. */
async function releaseDigest(person: Waiting, claimed: Claimed, now: Date): Promise<void> {
  const ids = claimed.notifications.map((notification) => notification.id);
  await db.$transaction([
    db.$executeRaw`
      UPDATE notifications SET "emailedAt" = NULL
      WHERE id = ANY(${ids}) AND "emailedAt" = ${now}`,
    db.$executeRaw`
      UPDATE notification_settings SET "lastDigestAt" = ${person.lastDigestAt}
      WHERE "userId" = ${person.userId} AND "lastDigestAt" = ${now}`,
  ]);
}
