// What a fuzzer should try where a string is asked for: the ids, slugs and emails that are in the
// test database, table by table, found from its columns (every table's `id`, `slug` and `email`),
// so that a generated request reaches a real post, message or organisation, a table added later
// included.
import type { RunQuery } from '../row-counts';

const WORTH_TRYING = ['id', 'slug', 'email', 'prefix'];

export type KnownByTable = Record<string, readonly string[]>;

export async function knownStrings(run: RunQuery): Promise<KnownByTable> {
  const columns = await run<{ table: string; column: string }>(
    `SELECT table_name::text AS table, column_name::text AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        AND data_type = 'text' AND column_name = ANY('{${WORTH_TRYING.join(',')}}')`,
  );
  if (columns.length === 0) return {};
  // The newest rows of each table: the ones a test's set-up has just made.
  const rows = await run<{ table: string; value: string }>(
    columns
      .map(
        ({ table, column }) =>
          `(SELECT '${table}' AS table, "${column}" AS value FROM "${table}" ORDER BY "${column}" DESC LIMIT 12)`,
      )
      .join(' UNION ALL '),
  );
  const byTable: Record<string, string[]> = {};
  for (const { table, value } of rows) (byTable[table] ??= []).push(value);
  return byTable;
}

/**
 * The known strings for a field or path segment by its name: `channelId` → the channels' ids,
 * `organisation` or `organisations` → the organisations' ids and slugs, `posts/{id}` → posts.
 * None when the name names no table (`title`), every one for a bare `id`.
 */
export function knownFor(name: string, byTable: KnownByTable): readonly string[] {
  const stem = name.replace(/Ids?$/, '').toLowerCase();
  const tables = Object.keys(byTable);
  for (const table of [stem, `${stem}s`, `${stem}es`, stem.replace(/s$/, '')]) {
    // `tokenId` → api_tokens: a table's last word will do.
    const values =
      byTable[table] ?? byTable[tables.find((name) => name.endsWith(`_${table}`)) ?? ''];
    if (values && values.length > 0) return values;
  }
  if (/email/i.test(name)) return byTable.users ?? [];
  return name === 'id' ? Object.values(byTable).flat() : [];
}
