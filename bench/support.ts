// What the publishing benchmarks share: a database of their own, the sandbox and workers as
// separate processes (as in production), bulk posts, and figures printed plainly.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_PORT_COUNT } from '../lib/platforms/base-urls';
import pg from 'pg';
import { freePort, freePortBlock, start, type Started } from '../tests/support/processes';
import { clearRedisPrefix } from '../tests/support/redis';
import { createMigratedDatabase, dropDatabase, testEnvironment } from '../tests/support/test-env';

export interface BenchEnvironment {
  env: NodeJS.ProcessEnv;
  processes: Started[];
  stop(): Promise<void>;
}

/** A migrated, seeded database, a sandbox process, and the environment for this process too. */
export async function benchEnvironment(
  name: string,
  extra: Record<string, string> = {},
): Promise<BenchEnvironment> {
  const environment = testEnvironment(name);
  const sandboxPort = await freePortBlock(SANDBOX_PORT_COUNT);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...environment,
    LOG_LEVEL: 'warn',
    SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
    SANDBOX_PORT: String(sandboxPort),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO_REACH: 'false',
    ...extra,
  };
  Object.assign(process.env, env);
  await createMigratedDatabase(environment);
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['prisma/seed.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const processes: Started[] = [
    await start(path.resolve('node_modules/.bin/tsx'), ['sandbox/main.ts'], {
      env,
      ready: { url: `${env.SANDBOX_URL}/_sandbox/health` },
      name: 'sandbox',
    }),
  ];
  // The benchmarks publish one message thousands of times a minute on each channel: the
  // platforms' rate limits and X's duplicate-content rule would refuse most of it.
  await fetch(`${env.SANDBOX_URL}/_sandbox/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quotas: false }),
  });
  return {
    env,
    processes,
    async stop() {
      await Promise.all(processes.map((child) => child.stop()));
      await clearRedisPrefix(environment.REDIS_URL, environment.QUEUE_PREFIX);
      await dropDatabase(environment);
    },
  };
}

export function startWorker(
  bench: BenchEnvironment,
  extra: Record<string, string> = {},
): Promise<Started> {
  // One process (node with tsx's loader), so WORKER_PROFILE=<dir> can take a CPU profile of it.
  const profile = process.env.WORKER_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WORKER_PROFILE}`]
    : [];
  return start(process.execPath, [...profile, '--import', 'tsx', 'workers/main.ts'], {
    env: { ...bench.env, SIGNPOST_SERVICE: 'worker', LOG_LEVEL: 'info', ...extra },
    ready: /workers started/,
    name: 'worker',
  }).then((worker) => {
    bench.processes.push(worker);
    return worker;
  });
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function report(title: string, lines: Record<string, string | number>): void {
  console.log(`\n${title}`);
  for (const [key, value] of Object.entries(lines)) console.log(`  ${key}: ${value}`);
}

/**
 * For the benchmarks that run the production build against a seeded database of their own: the
 * database (migrated and seeded), a free port for the app, the app's environment (rate limits off:
 * one client asking fast is not what they measure) and a connection for bulk inserts.
 */
export async function appBenchDatabase(name: string) {
  const environment = testEnvironment(name);
  const appPort = await freePort();
  const env = {
    ...process.env,
    ...environment,
    LOG_LEVEL: 'warn',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    APP_URL: `http://localhost:${appPort}`,
    SEED_DEMO_REACH: 'false',
    API_LIMIT_PER_TOKEN: '1000000',
    API_LIMIT_PER_ADDRESS: '1000000',
  };
  await createMigratedDatabase(environment);
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['prisma/seed.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const database = new pg.Client({ connectionString: environment.DATABASE_URL });
  await database.connect();
  return { environment, appPort, env, database };
}

/** How long the work took, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}
