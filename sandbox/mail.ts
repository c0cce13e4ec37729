// The sandbox stands in for email too: an SMTP server that accepts any mail without
// authentication (development and tests only), parses it with mailparser and keeps it in memory,
// newest first, for GET /_sandbox/mail. `npm run dev` thus shows real mail being sent, through
// nodemailer's real SMTP client, with nothing to install.
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';

export interface SandboxMail {
  id: string;
  /** The envelope's recipients (RCPT TO): whoever the mail was really sent to. */
  to: string[];
  /** The From header as written ("Signpost <signpost@…>"). */
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** The mail's own Date header, ISO 8601; null when it had none. */
  date: string | null;
  /** When the sandbox received it, by the sandbox's clock. */
  receivedAt: string;
  messageId: string | null;
}

/** Enough for every test and a long demo; the oldest are forgotten past it. */
const KEPT = 1000;
const MAX_BYTES = 5 * 1024 * 1024;

export class MailBox {
  private mails: SandboxMail[] = [];
  private sequence = 0;

  add(mail: Omit<SandboxMail, 'id'>): SandboxMail {
    this.sequence += 1;
    const kept = { id: `mail-${this.sequence}`, ...mail };
    this.mails.unshift(kept);
    if (this.mails.length > KEPT) this.mails.length = KEPT;
    return kept;
  }

  /** Newest first. */
  list(): SandboxMail[] {
    return [...this.mails];
  }

  clear(): number {
    const count = this.mails.length;
    this.mails = [];
    return count;
  }
}

export interface MailCatcher {
  server: SMTPServer;
  /** Listens on `port` (0: any free port); answers the port it took. */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createMailCatcher(
  box: MailBox,
  { logger, now }: { logger: Logger; now: () => Date },
): MailCatcher {
  const server = new SMTPServer({
    // No TLS and no sign-in: a local stand-in, never exposed as a real mail server.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: MAX_BYTES,
    logger: false,
    banner: 'Signpost sandbox mail catcher',
    // A pooled client keeps its connections open; closing the sandbox need not wait for them.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      // Read whole before parsing: only then does the stream say whether it was over the limit.
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          const parsed = await simpleParser(raw);
          const mail = box.add({
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            date: parsed.date ? parsed.date.toISOString() : null,
            receivedAt: now().toISOString(),
            messageId: parsed.messageId ?? null,
          });
          logger.info(
            { to: mail.to, subject: mail.subject, headerTo: addresses(parsed.to) },
            'sandbox mail received',
          );
          callback();
        })
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'sandbox mail could not be parsed');
          callback(Object.assign(new Error('Message could not be parsed'), { responseCode: 554 }));
        });
    },
  });
  server.on('error', (error) => logger.warn({ err: error }, 'sandbox mail catcher error'));

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const failed = (error: Error) => reject(error);
        server.server.once('error', failed);
        server.listen(port, host, () => {
          server.server.off('error', failed);
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.map((address) => address.address ?? ''));
}
