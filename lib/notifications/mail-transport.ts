// Outgoing mail through nodemailer's SMTP client: one pooled transport per process, from
// SMTP_URL, with short timeouts so an unreachable server fails the job (and BullMQ retries it with
// backoff) in seconds rather than holding a notify slot for minutes.
import { createTransport } from 'nodemailer';
import { env } from '../env';
import type { MailContent } from './render-mail';

type Transport = ReturnType<typeof createTransport>;

const globalForMail = globalThis as unknown as {
  signpostMail?: { url: string; transport: Transport };
};

function transport(url: string): Transport {
  const cached = globalForMail.signpostMail;
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const made = createTransport({
    url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 20_000,
  });
  globalForMail.signpostMail = { url, transport: made };
  return made;
}

export interface OutgoingMail extends MailContent {
  to: { name: string; address: string };
}

/** Sends one mail from MAIL_FROM; throws when the server cannot be reached or refuses it. */
export async function sendMail(
  mail: OutgoingMail,
  smtpUrl: string = env().SMTP_URL,
): Promise<void> {
  await transport(smtpUrl).sendMail({
    from: env().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // RFC 3834: sent by a machine, so out-of-office replies are not sent back to it.
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
}

/**
 * A mail server's error in words fit for the logs and the health route: without the password,
 * should SMTP_URL carry one.
 */
export function describeMailError(error: unknown, smtpUrl: string = env().SMTP_URL): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = URL.canParse(smtpUrl) ? decodeURIComponent(new URL(smtpUrl).password) : '';
  return password ? message.replaceAll(password, '***') : message;
}

export function closeMailTransport(): void {
  globalForMail.signpostMail?.transport.close();
  globalForMail.signpostMail = undefined;
}
