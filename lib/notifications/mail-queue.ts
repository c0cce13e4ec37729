// Mail reaches the queue only after the notification has committed: one job per notification
// (deterministic id), delayed to the end of its burst so the count it reports is final. If Redis
// is unreachable the notification is still in the database, unmailed, and the sweep enqueues it.
import { log } from '../log';
import { JOB_NAMES, MAIL_JOB_DEFAULTS, QUEUES, sendMailJobId } from '../queue/jobs';
import { queue } from '../queue/queues';

export interface MailDue {
  notificationId: string;
  /** When to send: at once, or when the burst it belongs to has closed. */
  dueAt: Date;
}

export async function enqueueMail(items: readonly MailDue[], now = new Date()): Promise<boolean> {
  if (items.length === 0) return true;
  try {
    await queue(QUEUES.notify).addBulk(
      items.map((item) => {
        const job = { notificationId: item.notificationId };
        return {
          name: JOB_NAMES.sendMail,
          data: job,
          opts: {
            ...MAIL_JOB_DEFAULTS,
            jobId: sendMailJobId(job),
            delay: Math.max(0, item.dueAt.getTime() - now.getTime()),
          },
        };
      }),
    );
    return true;
  } catch (error) {
    log.warn({ err: error, mails: items.length }, 'could not enqueue mail; the sweep will');
    return false;
  }
}
