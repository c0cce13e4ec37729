// Hears the outbox trigger's pg_notify the moment a transaction that raised events commits, so a
// published post's webhook goes out within milliseconds rather than at the next sweep. One
// dedicated connection per worker process (LISTEN needs one); it reconnects after a second when
// the database goes away, and asks for a run on (re)connecting, in case it missed a signal.
import pg from 'pg';
import type { Logger } from '../log';

export const OUTBOX_CHANNEL = 'signpost_outbox';

export interface OutboxListener {
  close(): Promise<void>;
}

export function listenForOutbox(
  databaseUrl: string,
  onSignal: () => void,
  log: Logger,
): OutboxListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', () => onSignal());
    next.on('error', (error) => {
      log.warn({ err: error }, 'outbox listener lost its connection; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      onSignal();
    } catch (error) {
      log.warn({ err: error }, 'outbox listener could not connect; trying again');
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1_000);
  };
  void connect();

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
