// Once per `vitest --project e2e` run: a database of its own, the production build of the web
// app, the workers and the platform sandbox, all started as a user would start them.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { clearRedisPrefix } from '../support/redis';
import { SANDBOX_PORT_COUNT } from '@/lib/platforms/base-urls';
import { freePort, freePortBlock, start, type Started } from '../support/processes';
import { createMigratedDatabase, dropDatabase, testEnvironment } from '../support/test-env';

// The tools themselves, not through npx: a signal then reaches the process that does the work.
const bin = (name: string) => path.resolve('node_modules/.bin', name);

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { baseUrl: string; sandboxUrl: string; databaseUrl: string; queuePrefix: string };
  }
}

export default async function setup(project: TestProject) {
  const environment = testEnvironment('signpost_e2e');
  // The sandbox's control surface and, on the ports after it, one port per platform.
  const [appPort, sandboxPort, smtpPort] = [
    await freePort(),
    await freePortBlock(SANDBOX_PORT_COUNT),
    await freePort(),
  ];
  const env = {
    ...process.env,
    ...environment,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    APP_URL: `http://localhost:${appPort}`,
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    SANDBOX_PORT: String(sandboxPort),
    // The sandbox's mail catcher: the web app and the workers send every mail to it.
    SANDBOX_SMTP_PORT: String(smtpPort),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LOG_LEVEL: 'warn',
    // The journeys count their own posts from none; the reach journey adds the demo reach itself.
    SEED_DEMO_REACH: 'false',
    // Every request of the suite comes from one address; rate-limits.integration.test.ts proves the limits.
    API_LIMIT_PER_TOKEN: '1000000',
    API_LIMIT_PER_ADDRESS: '1000000',
  };
  await createMigratedDatabase(environment);
  execFileSync('npx', ['tsx', 'prisma/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  // A build made earlier in this run (CI builds once) is reused; E2E_REBUILD=1 forces a new one.
  if (!existsSync('.next/BUILD_ID') || process.env.E2E_REBUILD === '1') {
    execFileSync('npx', ['next', 'build'], {
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const started: Started[] = [];
  try {
    started.push(
      await start(bin('tsx'), ['sandbox/main.ts'], {
        env,
        ready: { url: `${env.SANDBOX_URL}/_sandbox/health` },
        name: 'sandbox',
      }),
      await start(bin('tsx'), ['workers/main.ts'], {
        env: { ...env, SIGNPOST_SERVICE: 'worker', LOG_LEVEL: 'info' },
        ready: /workers started/,
        name: 'workers',
      }),
      await start(bin('next'), ['start', '-p', String(appPort)], {
        env,
        ready: { url: `${env.APP_URL}/api/v1/health` },
        name: 'web',
        timeoutMs: 120_000,
      }),
    );
  } catch (error) {
    await Promise.all(started.map((process) => process.stop()));
    throw error;
  }
  project.provide('e2e', {
    baseUrl: env.APP_URL,
    sandboxUrl: env.SANDBOX_URL,
    databaseUrl: environment.DATABASE_URL,
    queuePrefix: environment.QUEUE_PREFIX,
  });
  return async () => {
    await Promise.all(started.map((process) => process.stop()));
    await clearRedisPrefix(environment.REDIS_URL, environment.QUEUE_PREFIX);
    if (!process.env.TEST_DATABASE_NAME) await dropDatabase(environment);
  };
}
