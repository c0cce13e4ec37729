// `npm run build && npx tsx bench/web-load.ts [seconds=30] [apiClients=50] [dashboardClients=20]`
// The web app under load, on the production build: 50 concurrent API clients on GET /api/v1/posts
// (one real API token) and 20 concurrent browsers' worth of requests for the dashboard (one
// signed-in session), together, for 30 seconds, with autocannon. Requests a second, p50/p95/p99,
// errors and non-2xx answers for each. The rate limits are raised for the run (they would refuse
// one token's thousands of requests a minute, as they should) but still counted on every request.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, start } from '../tests/support/processes';
import { benchEnvironment, machine, percentile, report } from './support';

const SECONDS = Number(process.argv[2] ?? 30);
// Either may be 0, to load one route alone (to see what each costs).
const API_CLIENTS = Number(process.argv[3] ?? 50);
const DASHBOARD_CLIENTS = Number(process.argv[4] ?? 20);
const FAN_OUTS = 6;

const bench = await benchEnvironment('signpost_bench_web', {
  API_LIMIT_PER_TOKEN: '100000000',
  API_LIMIT_PER_ADDRESS: '100000000',
});
try {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build');
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // WEB_PROFILE=<dir> takes a CPU profile of the web process (node running Next's own entry).
  const profile = process.env.WEB_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WEB_PROFILE}`]
    : [];
  bench.processes.push(
    await start(
      process.execPath,
      [...profile, path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
      {
        env: { ...bench.env, APP_URL: baseUrl },
        ready: { url: `${baseUrl}/api/v1/health` },
        name: 'web',
        timeoutMs: 120_000,
      },
    ),
  );
  const { approvedMessage } = await import('../tests/support/fixtures');
  const { ORGANISATIONS } = await import('@/prisma/seed-data');

  const credentials = JSON.stringify({ email: 'lead@nw-rocu.example', password: 'signpost-demo' });
  const json = { 'content-type': 'application/json' };
  const { token } = (await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: json,
    body: credentials,
  }).then((response) => response.json())) as { token: string };
  const signedIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { ...json, origin: baseUrl },
    body: credentials,
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  if (!signedIn.ok || !cookie.includes('session_token')) throw new Error('could not sign in');

  // Something to list: a few fan-outs of a message to every organisation's channels.
  const message = await approvedMessage({ withImage: true });
  for (let fanOut = 0; fanOut < FAN_OUTS; fanOut++) {
    const response = await fetch(`${baseUrl}/api/v1/messages/${message.id}/schedule`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({
        organisations: ORGANISATIONS.map((organisation) => organisation.slug),
        startAt: new Date(Date.now() + (fanOut + 1) * 24 * 60 * 60 * 1000).toISOString(),
        staggerMinutes: 5,
      }),
    });
    if (response.status !== 201) throw new Error(`schedule answered ${response.status}`);
  }
  // Warm both routes (compilation of nothing, but pools, caches and the JIT).
  for (let warm = 0; warm < 20; warm++) {
    await fetch(`${baseUrl}/api/v1/posts`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${baseUrl}/`, { headers: { cookie } });
  }

  const load = (title: string, url: string, connections: number, headers: Record<string, string>) =>
    new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
      const latencies: number[] = [];
      const instance = autocannon(
        { title, url, connections, duration: SECONDS, headers },
        (error, result) => (error ? reject(error) : resolve({ result, latencies })),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) =>
        latencies.push(responseTime),
      );
    });
  const loadBefore = os.loadavg()[0] ?? 0;
  const runs = await Promise.all([
    ...(API_CLIENTS > 0
      ? [
          load('GET /api/v1/posts', `${baseUrl}/api/v1/posts`, API_CLIENTS, {
            authorization: `Bearer ${token}`,
          }),
        ]
      : []),
    ...(DASHBOARD_CLIENTS > 0
      ? [load('dashboard', `${baseUrl}/`, DASHBOARD_CLIENTS, { cookie })]
      : []),
  ]);
  const loadAfter = os.loadavg()[0] ?? 0;

  for (const { result, latencies } of runs) {
    latencies.sort((a, b) => a - b);
    report(`${result.title}: ${result.connections} connections for ${result.duration} s`, {
      requests: result.requests.total,
      'requests/s': (result.requests.total / result.duration).toFixed(1),
      p50: `${percentile(latencies, 50).toFixed(1)} ms`,
      p95: `${percentile(latencies, 95).toFixed(1)} ms`,
      p99: `${percentile(latencies, 99).toFixed(1)} ms`,
      max: `${latencies.at(-1)?.toFixed(1)} ms`,
      'errors (connection)': result.errors,
      timeouts: result.timeouts,
      'non-2xx': result.non2xx,
    });
  }
  report('Machine', {
    machine: machine(),
    'load average (1 min) before → after': `${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`,
    'posts listed': `${FAN_OUTS} fan-outs of 42 posts; each request answers the first page (50)`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
