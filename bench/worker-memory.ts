// `npx tsx bench/worker-memory.ts [posts=100000]`
// A worker's memory while 100,000 future posts wait in the queue: delayed jobs live in Redis,
// so the worker should not grow with them. Reports the worker's RSS before and after, and
// Redis's memory for the queue.
import { readFile } from 'node:fs/promises';
import { benchEnvironment, machine, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 100_000);

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kib / 1024);
}

const bench = await benchEnvironment('signpost_bench_memory', {
  WORKER_CONCURRENCY: '50',
  RECONCILE_EVERY_SECONDS: '20',
});
try {
  const { sharedRedis } = await import('@/lib/redis');
  const { insertDuePosts } = await import('./due-posts');
  const worker = await startWorker(bench);
  const pid = worker.child.pid!;
  await sleep(3000);
  const before = await rssMiB(pid);
  const usedBefore = Number(/used_memory:(\d+)/.exec(await sharedRedis().info('memory'))?.[1]);
  const started = Date.now();
  await insertDuePosts(POSTS, (index) => new Date(Date.now() + 24 * 60 * 60 * 1000 + index * 1000));
  const inserted = (Date.now() - started) / 1000;
  // Let the reconciler run over all of them at least once (it checks every post's job).
  await sleep(45_000);
  const after = await rssMiB(pid);
  const usedAfter = Number(/used_memory:(\d+)/.exec(await sharedRedis().info('memory'))?.[1]);
  report('Worker memory with future posts waiting', {
    machine: machine(),
    'future posts (delayed jobs)': POSTS,
    'written and enqueued in': `${inserted.toFixed(1)} s`,
    'worker RSS before': `${before} MiB`,
    'worker RSS after (a reconcile pass included)': `${after} MiB`,
    'Redis memory for the jobs': `${((usedAfter - usedBefore) / 2 ** 20).toFixed(0)} MiB (${((usedAfter - usedBefore) / POSTS).toFixed(0)} bytes a post)`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
