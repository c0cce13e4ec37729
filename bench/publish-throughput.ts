// `npx tsx bench/publish-throughput.ts [posts=10000] [workers=1] [polls=0]`
// 10,000 posts due at once, sandbox at 0 ms latency: posts per second from due to `published`,
// beside this machine's ceiling — a bare BullMQ worker that does nothing but complete jobs, with
// the same concurrency and Redis — as a ratio. With `polls`, that many published posts (over
// every channel) fall due a poll at the same moment, so the metrics worker is busy beside
// publishing; the run then also says how long the polls took.
import { request } from 'undici';
import { benchEnvironment, machine, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 10_000);
const WORKERS = Number(process.argv[3] ?? 1);
const POLLS = Number(process.argv[4] ?? 0);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '50';

const bench = await benchEnvironment('signpost_bench_throughput', {
  WORKER_CONCURRENCY: CONCURRENCY,
  POLL_SWEEP_SECONDS: '1',
});
try {
  const { db } = await import('@/lib/db');
  const { insertDuePosts } = await import('./due-posts');
  const { ceiling } = await import('./bullmq-ceiling');

  const { publishedPosts } = await import('../tests/support/sandbox-published');

  const dueAt = new Date(Date.now() + 30_000 + POSTS * 2 + POLLS);
  // Published an hour before the publishing run: their first poll is due at the same moment.
  const channels = await db.channel.findMany({ orderBy: { id: 'asc' } });
  const pollIds =
    POLLS > 0
      ? await publishedPosts({
          channels,
          count: Math.ceil(POLLS / channels.length),
          publishedAt: new Date(dueAt.getTime() - 60 * 60 * 1000),
        })
      : [];
  for (let i = 0; i < WORKERS; i++) await startWorker(bench);
  const ids = await insertDuePosts(POSTS, () => dueAt);
  console.log(
    `${POSTS} posts due at ${dueAt.toISOString()}, ${WORKERS} worker process(es) × concurrency ${CONCURRENCY}; ${pollIds.length} posts due a poll then`,
  );
  while ((await db.post.count({ where: { id: { in: ids }, status: 'published' } })) < POSTS) {
    const stuck = await db.post.count({ where: { status: { in: ['failed', 'held'] } } });
    if (stuck > 0)
      throw new Error(`${stuck} posts failed or were held; the benchmark needs them all published`);
    await sleep(250);
  }
  const last = await db.post.aggregate({ _max: { publishedAt: true }, where: { id: { in: ids } } });
  const seconds = (last._max.publishedAt!.getTime() - dueAt.getTime()) / 1000;
  const signpost = POSTS / seconds;
  let polling = 'none';
  if (pollIds.length > 0) {
    const polledDuring = await db.postReach.count({
      where: { postId: { in: pollIds }, collectedAt: { lte: last._max.publishedAt! } },
    });
    const deadline = Date.now() + 10 * 60 * 1000;
    while ((await db.post.count({ where: { id: { in: pollIds }, pollsDone: 0 } })) > 0) {
      if (Date.now() > deadline) throw new Error('not every post was polled within 10 minutes');
      await sleep(250);
    }
    const lastPoll = await db.postReach.aggregate({
      _max: { collectedAt: true },
      where: { postId: { in: pollIds } },
    });
    const pollSeconds = (lastPoll._max.collectedAt!.getTime() - dueAt.getTime()) / 1000;
    polling = `${pollIds.length} posts polled in ${pollSeconds.toFixed(2)} s from due (${polledDuring} of them while publishing ran)`;
  }

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
    polling,
  });
} finally {
  await bench.stop();
}
process.exit(0);
