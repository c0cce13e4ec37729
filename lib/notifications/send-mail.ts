// Sends one notification's email (the `send-mail` job on QUEUES.notify), reading the notification
// as it is now, so a burst's mail reports its final count and title.
//
// A notification is mailed at most once. The job claims it first (a conditional update of
// emailedAt) and only then sends: a retried or duplicated job finds the claim and sends nothing.
// When the mail server cannot be reached or refuses, the claim is given back and the job throws,
// so BullMQ tries again with backoff (MAIL_JOB_DEFAULTS). If the process dies after the claim and
// before the server has accepted the mail, the claim stays and that mail is never sent: this errs
// towards one lost email rather than two sent, since the notification is still in the person's
// notifications in the app either way.
import { db } from '../db';
import { env } from '../env';
import { log as baseLog, type Logger } from '../log';
import type { SendMailJob } from '../queue/jobs';
import { recordMailFailure, recordMailSent } from './mail-health';
import { describeMailError, sendMail } from './mail-transport';
import { renderNotificationMail } from './render-mail';

export type SendMailOutcome =
  | { kind: 'sent'; to: string }
  | { kind: 'skipped'; reason: 'not found, already mailed or not to be mailed at once' };

export class MailNotSent extends Error {
  override name = 'MailNotSent';
}

export async function sendNotificationMail(
  job: SendMailJob,
  context: { now: () => Date; log?: Logger },
): Promise<SendMailOutcome> {
  const log = context.log ?? baseLog;
  const claimedAt = context.now();
  // Raw SQL, so the claim leaves updatedAt alone: it is not a change to what the person is told.
  const claimed = await db.$executeRaw`
    UPDATE notifications SET "emailedAt" = ${claimedAt}
    WHERE id = ${job.notificationId} AND "emailedAt" IS NULL AND "emailDelivery" = 'immediate'`;
  if (claimed === 0) {
    log.debug({ notificationId: job.notificationId }, 'mail not sent: nothing to send');
    return { kind: 'skipped', reason: 'not found, already mailed or not to be mailed at once' };
  }
  const notification = await db.notification.findUniqueOrThrow({
    where: { id: job.notificationId },
    select: {
      kind: true,
      title: true,
      body: true,
      link: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  const content = renderNotificationMail(notification, notification.user, env().APP_URL);
  try {
    await sendMail({
      ...content,
      to: { name: notification.user.name, address: notification.user.email },
    });
  } catch (error) {
    await releaseClaim(job.notificationId, claimedAt);
    const reason = describeMailError(error);
    await recordMailFailure(reason, claimedAt);
    log.warn(
      { notificationId: job.notificationId, reason },
      'the mail server could not take the mail; the job is retried with backoff',
    );
    throw new MailNotSent(`mail for notification ${job.notificationId} not sent: ${reason}`);
  }
  await recordMailSent(claimedAt);
  return { kind: 'sent', to: notification.user.email };
}

/** Gives the claim back for the retry; only ours (a later claim is another attempt's). */
async function releaseClaim(notificationId: string, claimedAt: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE notifications SET "emailedAt" = NULL
    WHERE id = ${notificationId} AND "emailedAt" = ${claimedAt}`;
}
