import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

// Three tiers (STYLE.md): unit tests beside their code, integration tests against real
// PostgreSQL and Redis, and end-to-end journeys in headless Chromium.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'sandbox/**/*.test.ts',
            'workers/**/*.test.ts',
            'prisma/**/*.test.ts',
            // Pure helpers of the UI (words, formats); components themselves are tested in Chromium.
            'components/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['tests/setup/integration-global.ts'],
          setupFiles: ['tests/setup/integration-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own Redis prefix, but the database is shared: run files one at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/e2e-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Checks marked concurrent (the accessibility sweep) run two at a time: one renders on
          // the server while the other runs in the browser, on a machine of two cores.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
