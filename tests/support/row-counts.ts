// How many rows the tables of campaigns, messages and the audit log hold: a refused request must
// leave every one of them as it was.
import { db } from '@/lib/db';

export interface RowCounts {
  campaigns: number;
  messages: number;
  messageMedia: number;
  comments: number;
  signpostVersions: number;
  auditEvents: number;
}

export async function rowCounts(): Promise<RowCounts> {
  const [campaigns, messages, messageMedia, comments, signpostVersions, auditEvents] =
    await Promise.all([
      db.campaign.count(),
      db.message.count(),
      db.messageMedia.count(),
      db.messageComment.count(),
      db.signpostVersion.count(),
      db.auditEvent.count(),
    ]);
  return { campaigns, messages, messageMedia, comments, signpostVersions, auditEvents };
}

/** The audit events of one entity, oldest first. */
export function auditOf(entityId: string) {
  return db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } });
}

/** Runs one SQL query and answers its rows: Prisma's $queryRawUnsafe, or a pg client's query. */
export type RunQuery = <Row>(sql: string) => Promise<Row[]>;
export const prismaQuery: RunQuery = <Row>(sql: string) => db.$queryRawUnsafe<Row[]>(sql);

/**
 * The number of rows in every table of the database, in one query: a table added later is
 * counted without editing this. What the fuzz suites compare before and after a refused call.
 */
export async function everyTableRowCount(
  run: RunQuery = prismaQuery,
): Promise<Record<string, number>> {
  // The tables do not change during a run: look them up once, then count in one round trip.
  countEveryTable ??= run<{ table: string }>(
    `SELECT tablename::text AS table, 0 AS rows FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  ).then((tables) =>
    tables
      .map(({ table }) => `SELECT '${table}' AS table, count(*) AS rows FROM "${table}"`)
      .join(' UNION ALL '),
  );
  const counts = await run<{ table: string; rows: number | bigint | string }>(
    await countEveryTable,
  );
  return Object.fromEntries(counts.map(({ table, rows }) => [table, Number(rows)]));
}

let countEveryTable: Promise<string> | undefined;
