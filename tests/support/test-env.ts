// Where tests run: a database of their own (never the dev one) and a Redis key prefix of their
// own, so a test run can share the machine with `npm run dev`.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export interface TestEnvironment {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  NODE_ENV: 'test';
  LOG_LEVEL: string;
  MEDIA_DIR: string;
}

/**
 * `name` plus the process id, so two test runs on one machine (two terminals, or CI beside a
 * developer) never share a database. TEST_DATABASE_NAME fixes the name, to look inside after a run.
 */
export function testEnvironment(base: string): TestEnvironment {
  const name = process.env.TEST_DATABASE_NAME ?? `${base}_${process.pid}`;
  return {
    DATABASE_URL: `${SERVER_URL}/${name}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MEDIA_DIR: `var/${name}-media`,
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const databaseName = (environment: TestEnvironment) =>
  new URL(environment.DATABASE_URL).pathname.slice(1);

/** Drops and re-creates the database, then applies every migration with `prisma migrate deploy`. */
export async function createMigratedDatabase(environment: TestEnvironment): Promise<void> {
  const name = databaseName(environment);
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}"`);
  execFileSync('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function dropDatabase(environment: TestEnvironment): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${databaseName(environment)}" WITH (FORCE)`);
}
