// Once per `vitest --project integration` run: a fresh, migrated database and a Redis prefix.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, dropDatabase, testEnvironment } from '../support/test-env';
import { createSandbox } from '@/sandbox/server';
import { clearRedisPrefix } from '../support/redis';

declare module 'vitest' {
  export interface ProvidedContext {
    testEnvironment: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const environment = testEnvironment('signpost_test');
  await createMigratedDatabase(environment);
  // The platform sandbox, in this process, for every test file (they reset it as they need); its
  // mail catcher on a free port of its own receives every mail the tests send.
  const sandbox = createSandbox();
  const { url, smtp } = await sandbox.listen(0, '127.0.0.1', 0);
  project.provide('testEnvironment', {
    ...environment,
    SANDBOX_URL: url,
    SMTP_URL: smtp,
    // Short timeouts, so the crash and timeout tests finish in seconds, not minutes.
    PUBLISH_TIMEOUT_SECONDS: '2',
    CLAIM_STALE_AFTER_SECONDS: '4',
    RECONCILE_EVERY_SECONDS: '2',
    PAUSE_SETTLE_SECONDS: '10',
    RETRY_BASE_SECONDS: '0.2',
    // The fuzz suite sends thousands of requests a minute as each role; the rate limits are
    // proved in rate-limits.integration.test.ts, with limits of its own.
    API_LIMIT_PER_TOKEN: '1000000',
    API_LIMIT_PER_ADDRESS: '1000000',
  });
  return async () => {
    await sandbox.close();
    await clearRedisPrefix(environment.REDIS_URL, environment.QUEUE_PREFIX);
    if (!process.env.TEST_DATABASE_NAME) await dropDatabase(environment);
    await rm(environment.MEDIA_DIR, { recursive: true, force: true });
  };
}
