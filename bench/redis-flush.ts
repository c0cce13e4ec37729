// `npx tsx bench/redis-flush.ts [posts=132] [leadSeconds=45] [--no-flush]`
// Redis loses its data (FLUSHALL, on a Redis server of the benchmark's own) `leadSeconds` before
// `posts` posts are due, as an operator tried it in issue 12. Measures how soon the worker notices
// and restores the jobs, and each post's lateness (the platform call's start − its time).
// --no-flush: the same burst with Redis left alone, the lateness the burst itself costs.
import { startPrivateRedis } from '../tests/support/private-redis';
import { benchEnvironment, machine, percentile, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 132);
const LEAD_SECONDS = Number(process.argv[3] ?? 45);
const FLUSH = !process.argv.includes('--no-flush');

const redis = await startPrivateRedis();
const bench = await benchEnvironment('signpost_bench_redis_flush', {
  REDIS_URL: redis.url,
  // The minute's reconcile is what used to find the lost jobs; here it cannot be what does.
  RECONCILE_EVERY_SECONDS: '3600',
});
try {
  const { db } = await import('@/lib/db');
  const { insertDuePosts } = await import('./due-posts');
  const worker = await startWorker(bench);
  const dueAt = new Date(Date.now() + 5_000 + LEAD_SECONDS * 1000);
  const ids = await insertDuePosts(POSTS, () => dueAt);
  await sleep(dueAt.getTime() - LEAD_SECONDS * 1000 - Date.now());
  const flushedAt = Date.now();
  if (FLUSH) await redis.client.flushall();
  console.log(
    `${FLUSH ? 'FLUSHALL' : 'no flush'} ${dueAt.getTime() - flushedAt} ms before ${POSTS} posts were due`,
  );
  while ((await db.post.count({ where: { id: { in: ids }, status: 'published' } })) < POSTS)
    await sleep(250);

  const rows = await db.publishAttempt.findMany({
    where: { postId: { in: ids } },
    select: { number: true, startedAt: true, post: { select: { scheduledAt: true } } },
  });
  const lateness = rows
    .filter((row) => row.number === 1)
    .map((row) => row.startedAt.getTime() - row.post.scheduledAt.getTime())
    .sort((a, b) => a - b);
  const logged = (message: string) =>
    worker
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string; time?: number; ms?: number };
          return entry.msg === message ? [entry] : [];
        } catch {
          return [];
        }
      })[0];
  const onPlatform = (await (
    await fetch(`${bench.env.SANDBOX_URL}/_sandbox/posts`)
  ).json()) as unknown[];
  const noticed = logged('Redis lost its data: restoring every missing job now');
  const restored = logged('restored the jobs Redis lost');
  report('Redis flushed before posts are due (platform call − scheduled time)', {
    machine: machine(),
    posts: POSTS,
    'flushed before they were due': FLUSH ? `${LEAD_SECONDS} s` : 'not flushed',
    'noticed after the flush': noticed?.time ? `${noticed.time - flushedAt} ms` : 'not logged',
    'restore took': restored?.ms !== undefined ? `${restored.ms} ms` : 'not logged',
    p50: `${percentile(lateness, 50)} ms`,
    p99: `${percentile(lateness, 99)} ms`,
    max: `${lateness.at(-1)} ms`,
    'posts on the platforms (should equal posts)': onPlatform.length,
    'posts with more than one attempt': rows.length - lateness.length,
  });
} finally {
  await bench.stop();
  await redis.stop();
}
process.exit(0);
