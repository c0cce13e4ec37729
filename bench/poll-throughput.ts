// `npx tsx bench/poll-throughput.ts [posts=20000]`
// Posts polled per second by one worker process against the sandbox at 0 ms latency, batched per
// channel: `posts` published posts spread over every seeded channel (all 8 platforms), all due
// their first poll, then one worker (METRICS_CONCURRENCY, default 5) started; timed from the
// worker being ready until every post has its first snapshot. (At most 100 posts per Nextdoor
// channel: its agency API lists only the latest 100, which is where their figures are read.)
import { readFileSync } from 'node:fs';
import { benchEnvironment, machine, report, sleep, startWorker } from './support';

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; 100 ticks a second.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const POSTS = Number(process.argv[2] ?? 20_000);
const CONCURRENCY = process.env.METRICS_CONCURRENCY ?? '5';

const bench = await benchEnvironment('signpost_bench_polling', {
  METRICS_CONCURRENCY: CONCURRENCY,
  POLL_SWEEP_SECONDS: '1',
});
try {
  const { db } = await import('@/lib/db');
  const { publishedPosts } = await import('../tests/support/sandbox-published');
  const channels = await db.channel.findMany({ orderBy: { id: 'asc' } });
  const perChannel = Math.ceil(POSTS / channels.length);
  // Published two hours ago: the +1 h poll is due.
  const publishedAt = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const seeded = Date.now();
  const ids = await publishedPosts({ channels, count: perChannel, publishedAt });
  const seedSeconds = (Date.now() - seeded) / 1000;
  const byPlatform = new Map<string, number>();
  for (const row of await db.post.groupBy({ by: ['platform'], _count: true }))
    byPlatform.set(row.platform, row._count);
  console.log(
    `${ids.length} published posts due a poll on ${channels.length} channels (seeded in ${seedSeconds.toFixed(1)} s), metrics concurrency ${CONCURRENCY}`,
  );

  const worker = await startWorker(bench);
  const cpuBefore = cpuSeconds(worker.child.pid);
  const started = new Date();
  const deadline = Date.now() + 10 * 60 * 1000;
  while ((await db.post.count({ where: { id: { in: ids }, pollsDone: 0 } })) > 0) {
    if (Date.now() > deadline) throw new Error('not every post was polled within 10 minutes');
    await sleep(250);
  }
  const last = await db.postReach.aggregate({
    _max: { collectedAt: true },
    where: { postId: { in: ids } },
  });
  const seconds = (last._max.collectedAt!.getTime() - started.getTime()) / 1000;
  const workerCpu = cpuSeconds(worker.child.pid) - cpuBefore;
  const calls = (await (await fetch(`${bench.env.SANDBOX_URL}/_sandbox/calls`)).json()) as Record<
    string,
    number
  >;
  const metricsCalls = Object.entries(calls).filter(([name]) => !/oauth|token|session/i.test(name));
  const totalCalls = metricsCalls.reduce((sum, [, count]) => sum + count, 0);
  const snapshots = await db.reachSnapshot.count({ where: { postId: { in: ids } } });
  report('Poll throughput', {
    machine: machine(),
    posts: ids.length,
    'posts per platform': [...byPlatform].map(([p, n]) => `${p} ${n}`).join(', '),
    'ready → every post polled': `${(ids.length / seconds).toFixed(0)} posts/s (${seconds.toFixed(2)} s)`,
    'platform calls': `${totalCalls} (${(totalCalls / seconds).toFixed(0)} calls/s): ${metricsCalls.map(([n, c]) => `${n} ${c}`).join('; ')}`,
    snapshots,
    'worker CPU': `${workerCpu.toFixed(1)} s over ${seconds.toFixed(1)} s (${((workerCpu / ids.length) * 1000).toFixed(2)} ms a post, ${((workerCpu / seconds) * 100).toFixed(0)} % of a core)`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
