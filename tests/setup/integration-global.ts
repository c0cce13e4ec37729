// Once per `vitest --project integration` run: a fresh, migrated database and a Redis prefix.
import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, dropDatabase, testEnvironment } from '../support/test-env';
import { clearRedisPrefix } from '../support/redis';

declare module 'vitest' {
  export interface ProvidedContext {
    testEnvironment: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const environment = testEnvironment('signpost_test');
  await createMigratedDatabase(environment);
  project.provide('testEnvironment', { ...environment });
  return async () => {
    await clearRedisPrefix(environment.REDIS_URL, environment.QUEUE_PREFIX);
    if (!process.env.TEST_DATABASE_NAME) await dropDatabase(environment);
  };
}
