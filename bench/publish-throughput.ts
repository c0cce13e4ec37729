// `npx tsx bench/publish-throughput.ts [posts=10000] [workers=1]`
// 10,000 posts due at once, sandbox at 0 ms latency: posts per second from due to `published`,
// beside this machine's ceiling — a bare BullMQ worker that does nothing but complete jobs, with
// the same concurrency and Redis — as a ratio.
import { request } from 'undici';
import { benchEnvironment, machine, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 10_000);
const WORKERS = Number(process.argv[3] ?? 1);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '50';

const bench = await benchEnvironment('signpost_bench_throughput', {
  WORKER_CONCURRENCY: CONCURRENCY,
});
try {
  const { db } = await import('@/lib/db');
  const { insertDuePosts } = await import('./due-posts');
  const { ceiling } = await import('./bullmq-ceiling');

  for (let i = 0; i < WORKERS; i++) await startWorker(bench);
  const dueAt = new Date(Date.now() + 15_000 + POSTS * 2);
  const ids = await insertDuePosts(POSTS, () => dueAt);
  console.log(
    `${POSTS} posts due at ${dueAt.toISOString()}, ${WORKERS} worker process(es) × concurrency ${CONCURRENCY}`,
  );
  while ((await db.post.count({ where: { status: 'published' } })) < POSTS) {
    const stuck = await db.post.count({ where: { status: { in: ['failed', 'held'] } } });
    if (stuck > 0)
      throw new Error(`${stuck} posts failed or were held; the benchmark needs them all published`);
    await sleep(250);
  }
  const last = await db.post.aggregate({ _max: { publishedAt: true }, where: { id: { in: ids } } });
  const seconds = (last._max.publishedAt!.getTime() - dueAt.getTime()) / 1000;
  const signpost = POSTS / seconds;

  const bare = await ceiling(POSTS, Number(CONCURRENCY) * WORKERS);
  // The same worker making one HTTP call to the sandbox per job, with the adapters' client
  // (undici's request), and nothing else.
  const oneCall = await ceiling(POSTS, Number(CONCURRENCY) * WORKERS, () =>
    request(`${bench.env.SANDBOX_URL}/_sandbox/health`).then((response) => response.body.text()),
  );
  report('Publish throughput', {
    machine: machine(),
    posts: POSTS,
    'Signpost (due → published)': `${signpost.toFixed(0)} posts/s (${seconds.toFixed(2)} s)`,
    'ceiling (bare BullMQ worker, no work)': `${bare.toFixed(0)} jobs/s`,
    'reference: bare worker making one HTTP call per job': `${oneCall.toFixed(0)} jobs/s`,
    ratio: `${((signpost / bare) * 100).toFixed(0)} % of the ceiling`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
