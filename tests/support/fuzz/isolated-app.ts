// The production build of the web app on a database of its own (migrated and seeded), with no
// workers beside it: the action fuzz suite writes what it likes there without touching the
// other e2e tests' data, and nothing but its own requests changes a row while it counts them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { freePort, start } from '../processes';
import { clearRedisPrefix } from '../redis';
import type { RunQuery } from '../row-counts';
import { createMigratedDatabase, dropDatabase, testEnvironment } from '../test-env';

export interface IsolatedApp {
  baseUrl: string;
  query: RunQuery;
  /** What the server logged: the error behind a 500. */
  output: () => string;
  stop(): Promise<void>;
}

export async function startIsolatedApp(name: string): Promise<IsolatedApp> {
  const environment = testEnvironment(name);
  const port = await freePort();
  const env = {
    ...process.env,
    ...environment,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    APP_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'error',
  };
  await createMigratedDatabase(environment);
  execFileSync('npx', ['tsx', 'prisma/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const web = await start(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], {
    env,
    ready: { url: `${env.APP_URL}/api/v1/health` },
    name: 'web (fuzz)',
    timeoutMs: 120_000,
  });
  const client = new pg.Client({ connectionString: environment.DATABASE_URL });
  await client.connect();
  return {
    baseUrl: env.APP_URL,
    query: async <Row>(sql: string) => (await client.query(sql)).rows as Row[],
    output: web.output,
    async stop() {
      await client.end();
      await web.stop();
      await clearRedisPrefix(environment.REDIS_URL, environment.QUEUE_PREFIX);
      if (!process.env.TEST_DATABASE_NAME) await dropDatabase(environment);
    },
  };
}
