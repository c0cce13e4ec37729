// Sends one notification's email. TO BE WRITTEN (email work).
import type { SendMailJob } from '../queue/jobs';

export async function sendNotificationMail(
  _job: SendMailJob,
  _context: { now: () => Date },
): Promise<void> {
  throw new Error('notification mail is not written yet');
}
