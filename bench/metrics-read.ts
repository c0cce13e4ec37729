// `npx tsx bench/metrics-read.ts [posts=1000] [port=4310]`
// Posts read per second by the platform adapters' metrics calls against the sandbox (its own
// process, 0 ms latency, quotas lifted), batched as each platform allows (X 100, Bluesky 25, the
// others 1), one channel per platform: each platform alone, then all eight at once. Nextdoor's
// agency API lists an agency's latest 100 posts, so it reads at most 100.
import path from 'node:path';
import type { MetricsRequest } from '../lib/platforms/adapter';
import { adapters } from '../lib/platforms/adapters/registry';
import { sandboxBaseUrl, SANDBOX_PORT_COUNT } from '../lib/platforms/base-urls';
import { PLATFORMS, type Platform } from '../lib/platforms/types';
import { sandboxCredentialsFor } from '../sandbox/credentials';
import { freePortBlock, start } from '../tests/support/processes';
import { ACCOUNTS } from '../tests/support/sandbox-fixture';
import { machine, report } from './support';

const POSTS = Number(process.argv[2] ?? 1000);
const port = Number(process.argv[3] ?? 0) || (await freePortBlock(SANDBOX_PORT_COUNT));
const control = `http://127.0.0.1:${port}`;
const NEXTDOOR_LIST = 100;

const sandbox = await start(path.resolve('node_modules/.bin/tsx'), ['sandbox/main.ts'], {
  env: { ...process.env, SANDBOX_PORT: String(port), LOG_LEVEL: 'warn' },
  ready: { url: `${control}/_sandbox/health` },
  name: 'sandbox',
});

async function post(route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${control}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

function connection(platform: Platform) {
  return {
    channelId: `bench-${platform}`,
    platform,
    handle: `@bench-${platform}`,
    externalAccountId: ACCOUNTS[platform],
    baseUrl: sandboxBaseUrl(platform, control),
    credentials: sandboxCredentialsFor(platform, ACCOUNTS[platform]),
  };
}

/** Posts published over the last week, taken in by the sandbox. */
async function seed(platform: Platform): Promise<MetricsRequest[]> {
  const count = platform === 'nextdoor' ? Math.min(POSTS, NEXTDOOR_LIST) : POSTS;
  const posts: MetricsRequest[] = [];
  for (let i = 0; i < count; i++) {
    const publishedAt = new Date(Date.now() - ((i * 7 * 86_400_000) / count + 3_600_000));
    const { id } = (await post('/_sandbox/posts', {
      platform,
      account: ACCOUNTS[platform],
      text: `Bench post ${i}`,
      receivedAt: publishedAt.toISOString(),
    })) as { id: string };
    posts.push({ externalId: id, publishedAt });
  }
  return posts;
}

/** Reads every post once, batch after batch; posts per second. */
async function readAll(platform: Platform, posts: readonly MetricsRequest[]): Promise<number> {
  const adapter = adapters[platform];
  const size = adapter.metricsBatchSize;
  const started = performance.now();
  let figures = 0;
  for (let at = 0; at < posts.length; at += size) {
    const answers = await adapter.metrics(
      connection(platform),
      posts.slice(at, at + size),
      AbortSignal.timeout(30_000),
      new Date(),
    );
    figures += [...answers.values()].filter((answer) => answer.kind === 'figures').length;
  }
  if (figures !== posts.length) throw new Error(`${platform}: ${figures} of ${posts.length} read`);
  return posts.length / ((performance.now() - started) / 1000);
}

try {
  await post('/_sandbox/config', { quotas: false, latencyMs: 0 });
  const seeded = {} as Record<Platform, MetricsRequest[]>;
  for (const platform of PLATFORMS) seeded[platform] = await seed(platform);
  // One warm-up pass: sessions (Bluesky) and the JIT.
  for (const platform of PLATFORMS) await readAll(platform, seeded[platform].slice(0, 50));

  const lines: Record<string, string> = { machine: machine(), 'posts per platform': String(POSTS) };
  for (const platform of PLATFORMS) {
    const rate = await readAll(platform, seeded[platform]);
    const batch = adapters[platform].metricsBatchSize;
    lines[`${platform} alone (batch ${batch})`] = `${rate.toFixed(0)} posts/s`;
  }
  const started = performance.now();
  await Promise.all(PLATFORMS.map((platform) => readAll(platform, seeded[platform])));
  const total = PLATFORMS.reduce((sum, platform) => sum + seeded[platform].length, 0);
  lines['all eight at once'] =
    `${(total / ((performance.now() - started) / 1000)).toFixed(0)} posts/s (${total} posts)`;
  report('Metrics reads (adapters against the sandbox, 0 ms)', lines);
} finally {
  await sandbox.stop();
}
process.exit(0);
