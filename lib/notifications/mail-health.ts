// What the health route says about email: the last time the mail server refused or could not be
// reached, and the last time a mail went out, kept in Redis by whichever worker sent (or tried),
// so the web app can report what the workers saw.
import { env } from '../env';
import { log } from '../log';
import { sharedRedis } from '../redis';

export interface MailHealthRecord {
  /** True unless the last attempt to reach the mail server failed. */
  ok: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSentAt: string | null;
}

const key = () => `${env().QUEUE_PREFIX}:mail-health`;

/** A failure is told in the logs and the health route; recording it never throws. */
export async function recordMailFailure(message: string, at: Date): Promise<void> {
  await sharedRedis()
    .hset(key(), {
      lastOutcome: 'failed',
      lastError: message.slice(0, 500),
      lastErrorAt: at.toISOString(),
    })
    .catch((error: unknown) => log.warn({ err: error }, 'could not record the mail failure'));
}

export async function recordMailSent(at: Date): Promise<void> {
  await sharedRedis()
    .hset(key(), { lastOutcome: 'sent', lastSentAt: at.toISOString() })
    .catch((error: unknown) => log.warn({ err: error }, 'could not record the mail sent'));
}

export async function readMailHealth(): Promise<MailHealthRecord> {
  const record = await sharedRedis().hgetall(key());
  // The last attempt decides, not the times: handlers' clocks may be moved (tests).
  return {
    ok: record.lastOutcome !== 'failed',
    lastError: record.lastError ?? null,
    lastErrorAt: record.lastErrorAt ?? null,
    lastSentAt: record.lastSentAt ?? null,
  };
}
