// `npx tsx bench/fan-out.ts [requests=50]`
// Scheduling one message to every organisation's channels through the API (POST
// /api/v1/messages/:id/schedule on the production build): p50 and p95 latency per request.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, start } from '../tests/support/processes';
import { benchEnvironment, machine, percentile, report } from './support';

const REQUESTS = Number(process.argv[2] ?? 50);

const bench = await benchEnvironment('signpost_bench_fanout');
try {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build');
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  bench.processes.push(
    await start(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], {
      env: { ...bench.env, APP_URL: baseUrl },
      ready: { url: `${baseUrl}/api/v1/health` },
      name: 'web',
      timeoutMs: 120_000,
    }),
  );
  const { db } = await import('@/lib/db');
  const { approvedMessage } = await import('../tests/support/fixtures');
  const { ORGANISATIONS } = await import('@/prisma/seed-data');
  const message = await approvedMessage({ withImage: true });
  const tokenResponse = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@nw-rocu.example', password: 'signpost-demo' }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  const channels = await db.channel.count();

  const latencies: number[] = [];
  for (let i = 0; i <= REQUESTS; i++) {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/messages/${message.id}/schedule`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        organisations: ORGANISATIONS.map((organisation) => organisation.slug),
        startAt: new Date(Date.now() + (i + 1) * 60 * 60 * 1000).toISOString(),
        staggerMinutes: 5,
      }),
    });
    const body = (await response.json()) as { posts?: unknown[]; error?: { message: string } };
    const elapsed = performance.now() - startedAt;
    if (response.status !== 201)
      throw new Error(`schedule answered ${response.status}: ${body.error?.message}`);
    // The first request warms the server (route compilation, pools); it is not counted.
    if (i > 0) latencies.push(elapsed);
    if (body.posts?.length !== channels)
      throw new Error(`expected ${channels} posts, got ${body.posts?.length}`);
  }
  latencies.sort((a, b) => a - b);
  report('Fan-out through the API', {
    machine: machine(),
    requests: REQUESTS,
    'posts per request': `${channels} (every channel of all 10 organisations, 8 platforms, an image)`,
    p50: `${percentile(latencies, 50).toFixed(1)} ms`,
    p95: `${percentile(latencies, 95).toFixed(1)} ms`,
    max: `${latencies.at(-1)?.toFixed(1)} ms`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
