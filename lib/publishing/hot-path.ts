// Publishing's hot path speaks to PostgreSQL through `pg` directly, with named prepared
// statements. Measured (docs/BENCHMARKS.md): planning the claim-and-read statement cost more
// than running it, and the ORM's per-query overhead more than the platform call. A prepared
// statement is planned once per connection; everything else in Signpost stays on Prisma.
import pg from 'pg';
import { env } from '../env';

const TIMESTAMP = 1114;

// Prisma stores DateTime as `timestamp without time zone` holding UTC; read it as UTC whatever
// this process's time zone is. Set on this pool only, never globally.
const types = new pg.TypeOverrides();
types.setTypeParser(TIMESTAMP, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));

const globalForPool = globalThis as unknown as { signpostHotPool?: pg.Pool };

function pool(): pg.Pool {
  globalForPool.signpostHotPool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    types,
  });
  return globalForPool.signpostHotPool;
}

/** Runs a named (prepared) statement: planned once per connection, then executed. */
export async function preparedQuery<Row>(
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  // Dates go as UTC ISO strings: `pg` would send local time, which a column without a time zone
  // would store as if it were UTC.
  const params = values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await pool().query<Row & pg.QueryResultRow>({ name, text, values: params });
  return result.rows;
}

export async function closeHotPath(): Promise<void> {
  await globalForPool.signpostHotPool?.end();
  globalForPool.signpostHotPool = undefined;
}
