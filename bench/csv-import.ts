// `npx tsx bench/csv-import.ts [rows=10000]`
// A CSV import of 10,000 rows (issue 10): read, every row checked as a schedule request is,
// written in one transaction and enqueued, through the route handler in this process (as the
// integration tests call it). Wall time of a dry run and of the real import, and peak memory.
import { benchEnvironment, machine, report } from './support';

const ROWS = Number(process.argv[2] ?? 10_000);

const bench = await benchEnvironment('signpost_bench_csv_import');
try {
  const { db } = await import('@/lib/db');
  const { approvedMessage } = await import('../tests/support/fixtures');
  const { issueApiToken } = await import('@/lib/auth/api-tokens');
  const { POST } = await import('@/app/api/v1/posts/import/route');
  const { dayOf } = await import('@/lib/scheduling/london-time');
  const { queue } = await import('@/lib/queue/queues');
  const { QUEUES } = await import('@/lib/queue/jobs');
  const message = await approvedMessage({ withImage: true });
  const { token } = await issueApiToken(
    { email: 'lead@nw-rocu.example', password: 'signpost-demo' },
    'bench',
  );
  // Every organisation and platform with one active channel: a row there is one post.
  const channels = await db.channel.findMany({
    where: { status: 'active' },
    select: { organisationId: true, platform: true, organisation: { select: { slug: true } } },
  });
  const counts = new Map<string, number>();
  for (const c of channels)
    counts.set(
      `${c.organisation.slug},${c.platform}`,
      (counts.get(`${c.organisation.slug},${c.platform}`) ?? 0) + 1,
    );
  const pairs = [...counts].filter(([, n]) => n === 1).map(([pair]) => pair);
  const day = dayOf(new Date(Date.now() + 2 * 86_400_000));
  const lines = ['message,organisation,platform,date,time'];
  for (let i = 0; i < ROWS; i++) {
    // One channel a minute at most: each pair steps a minute after every round of the pairs.
    const minute = 8 * 60 + Math.floor(i / pairs.length);
    const date = dayOf(
      new Date(Date.parse(`${day}T12:00:00Z`) + Math.floor(minute / 1440) * 86_400_000),
    );
    const hhmm = `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    lines.push(`${message.id},${pairs[i % pairs.length]},${date},${hhmm}`);
  }
  const csv = `${lines.join('\n')}\n`;

  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const send = async (dryRun: boolean) => {
    const startedAt = performance.now();
    const response = await POST(
      new Request(`http://localhost/api/v1/posts/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      }),
      { params: Promise.resolve({}) },
    );
    const body = (await response.json()) as { posts?: unknown; error?: { message: string } };
    const elapsed = performance.now() - startedAt;
    if (response.status >= 300)
      throw new Error(`import answered ${response.status}: ${body.error?.message}`);
    return elapsed;
  };
  const dry = await send(true);
  const real = await send(false);
  clearInterval(sampler);
  const written = await db.post.count({ where: { messageId: message.id } });
  const queued = await queue(QUEUES.publish).getDelayedCount();
  report('CSV import', {
    machine: machine(),
    rows: `${ROWS} (${pairs.length} channels, one message with an image)`,
    'dry run (read and check)': `${(dry / 1000).toFixed(2)} s`,
    'import (read, check, write, enqueue)': `${(real / 1000).toFixed(2)} s`,
    'posts written / jobs queued': `${written} / ${queued}`,
    'peak heap': `${Math.round(peakHeap / 1024 / 1024)} MiB`,
    'peak RSS (maxRSS)': `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
    file: `${Math.round(Buffer.byteLength(csv) / 1024)} KiB`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
