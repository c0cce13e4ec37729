// `npx tsx bench/publish-punctuality.ts [posts=5000] [seconds=60]`
// Posts due evenly across a minute; lateness = the platform call's start − the scheduled time.
import { benchEnvironment, machine, percentile, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 5000);
const SPREAD_SECONDS = Number(process.argv[3] ?? 60);

const bench = await benchEnvironment('signpost_bench_punctuality');
try {
  const { db } = await import('@/lib/db');
  const { insertDuePosts } = await import('./due-posts');
  await startWorker(bench);
  const start = Date.now() + 20_000;
  const ids = await insertDuePosts(
    POSTS,
    (index) => new Date(start + Math.floor((index * SPREAD_SECONDS * 1000) / POSTS)),
  );
  console.log(
    `${POSTS} posts due across ${SPREAD_SECONDS} s from ${new Date(start).toISOString()}`,
  );
  while ((await db.post.count({ where: { status: 'published' } })) < POSTS) await sleep(500);

  const rows = await db.publishAttempt.findMany({
    where: { postId: { in: ids }, number: 1 },
    select: { startedAt: true, post: { select: { scheduledAt: true } } },
  });
  const lateness = rows
    .map((row) => row.startedAt.getTime() - row.post.scheduledAt.getTime())
    .sort((a, b) => a - b);
  report('Punctuality (publish call − scheduled time)', {
    machine: machine(),
    posts: POSTS,
    spread: `${SPREAD_SECONDS} s`,
    p50: `${percentile(lateness, 50)} ms`,
    p99: `${percentile(lateness, 99)} ms`,
    max: `${lateness.at(-1)} ms`,
    'early (should be 0)': lateness.filter((ms) => ms < 0).length,
  });
} finally {
  await bench.stop();
}
process.exit(0);
