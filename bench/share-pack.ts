// The week's share pack (issue 11): MESSAGES approved messages (default 7) with IMAGES photos
// each (default 2), packed for a partner on all 8 platforms. Measures, on the production build,
// one download's time to first byte and total (RUNS times after a first, cold one that makes the
// platform copies), then PARTNERS partners (default 20) downloading at once: each one's time to
// first byte and total, and the web process's resident memory, sampled every 20 ms, against its
// resident memory when idle. The zip streams, so memory should not grow with the pack's size.
//
// Run: npx next build, then npx tsx bench/share-pack.ts. Takes a database of its own (created,
// filled, dropped).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { photo } from '../tests/support/images';
import { start } from '../tests/support/processes';
import { dropDatabase } from '../tests/support/test-env';
import { appBenchDatabase, machine, percentile, report, sleep } from './support';

const MESSAGES = Number(process.env.MESSAGES ?? 7);
const IMAGES = Number(process.env.IMAGES ?? 2);
const RUNS = Number(process.env.RUNS ?? 10);
const PARTNERS = Number(process.env.PARTNERS ?? 20);
const PARTNER = 'partner@manchester-city-council.example';

const { environment, appPort, env, database } = await appBenchDatabase('signpost_bench_pack');

/** Resident memory of a process and its descendants, in MiB. */
function rssMiB(pid: number): number {
  const pids = [pid];
  for (let index = 0; index < pids.length; index++) {
    try {
      const children = execFileSync('pgrep', ['-P', String(pids[index])], { encoding: 'utf8' });
      pids.push(...children.split('\n').filter(Boolean).map(Number));
    } catch {
      // pgrep exits 1 when a process has no children.
    }
  }
  let kib = 0;
  for (const one of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${one}/status`, 'utf8'));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kib / 1024;
}

async function download(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  const reader = response.body!.getReader();
  let firstByte = NaN;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
    bytes += value.byteLength;
  }
  return { firstByte, total: performance.now() - started, bytes };
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
};

try {
  const app = await start(
    path.resolve('node_modules/.bin/next'),
    ['start', '-p', String(appPort)],
    {
      env,
      ready: { url: `${env.APP_URL}/api/v1/health` },
      name: 'web',
    },
  );
  try {
    const token = async (email: string) => {
      const answer = await fetch(`${env.APP_URL}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'signpost-demo' }),
      });
      return ((await answer.json()) as { token: string }).token;
    };
    const lead = { authorization: `Bearer ${await token('lead@nw-rocu.example')}` };
    const partner = { authorization: `Bearer ${await token(PARTNER)}` };

    // Photos as a comms team uploads them: 3000 × 2000 JPEGs, each one different.
    const mediaIds: string[] = [];
    for (let index = 0; index < MESSAGES * IMAGES; index++) {
      const form = new FormData();
      const bytes = await photo('jpeg', 3000, 2000, 16 + index);
      form.set(
        'file',
        new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
        `photo-${index}.jpg`,
      );
      const answer = await fetch(`${env.APP_URL}/api/v1/media`, {
        method: 'POST',
        headers: lead,
        body: form,
      });
      if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${await answer.text()}`);
      mediaIds.push(((await answer.json()) as { id: string }).id);
    }
    const { rows } = await database.query<{ campaign: string; lead: string; lead2: string }>(
      `SELECT (SELECT id FROM campaigns WHERE status = 'active' LIMIT 1) AS campaign,
              (SELECT id FROM users WHERE email = 'lead@nw-rocu.example') AS lead,
              (SELECT id FROM users WHERE email = 'lead2@nw-rocu.example') AS lead2`,
    );
    const { campaign, lead: author, lead2: approver } = rows[0]!;
    for (let index = 0; index < MESSAGES; index++) {
      const id = `bench-pack-${index}`;
      await database.query(
        `INSERT INTO messages (id, "campaignId", title, body, theme, shareable, status, "authorId",
           "approverId", "submittedAt", "approvedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'help', true, 'approved', $5, $6, now(), now(), now())`,
        [
          id,
          campaign,
          `Message ${index + 1} of the week`,
          `Day ${index + 1}: worried about your own online behaviour? People in {area} can get confidential help before harm is done.`,
          author,
          approver,
        ],
      );
      for (let image = 0; image < IMAGES; image++)
        await database.query(
          `INSERT INTO message_media ("messageId", "mediaId", "altText", position) VALUES ($1, $2, $3, $4)`,
          [
            id,
            mediaIds[index * IMAGES + image],
            `Campaign photo ${image + 1} for day ${index + 1}`,
            image,
          ],
        );
    }

    const url = `${env.APP_URL}/api/v1/library/share-pack?organisation=manchester-city-council`;
    const cold = await download(url, partner);
    const warm: Awaited<ReturnType<typeof download>>[] = [];
    for (let run = 0; run < RUNS; run++) warm.push(await download(url, partner));

    await sleep(1000);
    const idle = rssMiB(app.child.pid!);
    let peak = idle;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssMiB(app.child.pid!));
        await sleep(20);
      }
    })();
    const concurrentStarted = performance.now();
    const together = await Promise.all(
      Array.from({ length: PARTNERS }, () => download(url, partner)),
    );
    const wall = performance.now() - concurrentStarted;
    sampling = false;
    await sampler;

    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    report("Share pack, the week's messages (issue 11)", {
      pack: `${MESSAGES} messages × 8 platforms × ${IMAGES} photos (3000 × 2000 JPEG uploads): ${mb(cold.bytes)} zip`,
      'first download (makes every platform copy)': `first byte ${cold.firstByte.toFixed(0)} ms, total ${cold.total.toFixed(0)} ms`,
      [`one partner, ${RUNS} downloads, time to first byte`]: summary(
        warm.map((run) => run.firstByte),
      ),
      [`one partner, ${RUNS} downloads, total`]: summary(warm.map((run) => run.total)),
      [`${PARTNERS} partners at once, time to first byte`]: summary(
        together.map((run) => run.firstByte),
      ),
      [`${PARTNERS} partners at once, total`]: `${summary(together.map((run) => run.total))}; all done in ${wall.toFixed(0)} ms, ${mb(together.reduce((sum, run) => sum + run.bytes, 0))} sent`,
      'web process memory (RSS)': `${idle.toFixed(0)} MiB idle, peak ${peak.toFixed(0)} MiB during the ${PARTNERS} downloads (+${(peak - idle).toFixed(0)} MiB)`,
      machine: machine(),
    });
  } finally {
    await app.stop();
  }
} finally {
  await database.end();
  await dropDatabase(environment);
}
process.exit(0);
