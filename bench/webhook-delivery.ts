// `npx tsx bench/webhook-delivery.ts [posts=3000] [rounds=2] [steady=600] [perSecond=20]`
// Webhooks beside publishing, with the workers and the sandbox as separate processes (as in
// production) and a local endpoint in this process that answers 204 at once:
// - publishing throughput (due → `published`, as bench/publish-throughput.ts measures it) with no
//   webhook, then with a webhook on every organisation subscribed to post.published, in turns
//   (`rounds` of each, since this shared machine moves ±25 % between runs);
// - from a post's publication (its publishedAt) to its delivery's arrival at the endpoint: p50,
//   p99 and the slowest, at an ordinary rate (`steady` posts due `perSecond` a second, webhooks
//   on), and in the bursts above (where deliveries wait for publishing to finish first).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchEnvironment, machine, percentile, report, sleep, startWorker } from './support';

const POSTS = Number(process.argv[2] ?? 3000);
const ROUNDS = Number(process.argv[3] ?? 2);
const STEADY = Number(process.argv[4] ?? 600);
const PER_SECOND = Number(process.argv[5] ?? 20);

const arrivals = new Map<string, number>();
const endpoint = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const at = Date.now();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      data: { post?: { id: string } };
    };
    if (body.data.post) arrivals.set(body.data.post.id, at);
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
const endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/signpost`;

const bench = await benchEnvironment('signpost_bench_webhooks', {
  WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '50',
});
try {
  const { db } = await import('@/lib/db');
  const { insertDuePosts } = await import('./due-posts');
  const { registerWebhook } = await import('@/lib/webhooks/register-webhook');
  const { actorFor } = await import('../tests/support/fixtures');
  await startWorker(bench);
  const admin = await actorFor('admin@nw-rocu.example');
  const organisations = await db.organisation.findMany({ select: { slug: true } });

  /** One publishing run: posts/s from due to the last published, and the posts' ids. */
  async function publishingRun(count = POSTS, spacingMs = 0) {
    const dueAt = new Date(Date.now() + 15_000 + count * 2);
    const ids = await insertDuePosts(
      count,
      (index) => new Date(dueAt.getTime() + index * spacingMs),
    );
    while ((await db.post.count({ where: { id: { in: ids }, status: 'published' } })) < count) {
      const stuck = await db.post.count({ where: { status: { in: ['failed', 'held'] } } });
      if (stuck > 0) throw new Error(`${stuck} posts failed or were held`);
      await sleep(250);
    }
    const last = await db.post.aggregate({
      _max: { publishedAt: true },
      where: { id: { in: ids } },
    });
    const seconds = (last._max.publishedAt!.getTime() - dueAt.getTime()) / 1000;
    return { ids, seconds, perSecond: count / seconds };
  }

  /** Publication → arrival, in ms, of each of these posts' deliveries (once all have arrived). */
  async function latenciesOf(ids: string[]): Promise<number[]> {
    const deadline = Date.now() + 5 * 60 * 1000;
    while (ids.some((id) => !arrivals.has(id))) {
      if (Date.now() > deadline) throw new Error('not every delivery arrived within 5 minutes');
      await sleep(100);
    }
    const published = await db.post.findMany({
      where: { id: { in: ids } },
      select: { id: true, publishedAt: true },
    });
    return published.map((post) => arrivals.get(post.id)! - post.publishedAt!.getTime());
  }

  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, slowest ${sorted.at(-1)} ms (${sorted.length} deliveries)`;
  };

  async function registerAll() {
    for (const { slug } of organisations)
      await registerWebhook(admin.actor, admin.audit, {
        url: endpointUrl,
        events: ['post.published'],
        organisation: slug,
      });
  }

  const without: number[] = [];
  const withWebhooks: number[] = [];
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await db.webhook.deleteMany();
    const alone = await publishingRun();
    without.push(alone.perSecond);
    console.log(`round ${round + 1}, no webhook: ${alone.perSecond.toFixed(0)} posts/s`);

    await registerAll();
    const beside = await publishingRun();
    withWebhooks.push(beside.perSecond);
    latencies.push(...(await latenciesOf(beside.ids)));
    console.log(
      `round ${round + 1}, a webhook on each of ${organisations.length} organisations: ${beside.perSecond.toFixed(0)} posts/s`,
    );
  }
  // An ordinary day: posts falling due one after another, the webhooks on.
  if (ROUNDS === 0) await registerAll();
  const steady = await publishingRun(STEADY, 1000 / PER_SECOND);
  const steadyLatencies = await latenciesOf(steady.ids);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const change = ROUNDS === 0 ? NaN : (mean(withWebhooks) / mean(without) - 1) * 100;
  report('Webhooks beside publishing', {
    machine: machine(),
    'posts per run': POSTS,
    'throughput, no webhook': `${without.map((value) => value.toFixed(0)).join(', ')} posts/s (mean ${mean(without).toFixed(0)})`,
    'throughput, a webhook on every organisation': `${withWebhooks.map((value) => value.toFixed(0)).join(', ')} posts/s (mean ${mean(withWebhooks).toFixed(0)})`,
    change: `${change >= 0 ? '+' : ''}${change.toFixed(1)} %`,
    [`publication → delivery, ${PER_SECOND} posts/s`]: summary(steadyLatencies),
    [`publication → delivery, in the bursts of ${POSTS}`]: summary(latencies),
  });
} finally {
  await bench.stop();
  endpoint.close();
}
process.exit(0);
