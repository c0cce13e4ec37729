// The calendar at a lead's busiest (issue 10): POSTS scheduled posts (default 10,000) in one
// month over every demo channel. Measures, on the production build, GET /api/v1/calendar for the
// month grid's six weeks as the month view asks for it (RUNS times: p50, p95), the same for a
// week, and in Chromium the time from navigation to the month's events being in the page.
//
// Run: npx next build, then npx tsx bench/calendar.ts. Takes a database of its own (created,
// filled, dropped).
import path from 'node:path';
import { launchBrowser, signIn } from '../tests/support/browser';
import { start } from '../tests/support/processes';
import { dropDatabase } from '../tests/support/test-env';
import { dayOf, dayStart } from '../lib/scheduling/london-time';
import { appBenchDatabase, machine, percentile, report, timed } from './support';

const POSTS = Number(process.env.POSTS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 40);
const PAGE_LOADS = Number(process.env.PAGE_LOADS ?? 10);

const { environment, appPort, env, database } = await appBenchDatabase('signpost_bench_calendar');

// Next month, in UK days: its first day, and the month grid's six weeks around it.
const today = dayOf(new Date());
const first = `${dayOf(dayStart(today.slice(0, 8) + '01', 40)!).slice(0, 8)}01`;
const monthStart = dayStart(first)!;
const monday = (date: string) => {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return dayOf(dayStart(date, -weekday)!);
};
const gridStart = dayStart(monday(first))!;
const gridEnd = dayStart(monday(first), 42)!;

try {
  await database.query(
    `WITH channels AS (SELECT id, "organisationId", platform, row_number() OVER (ORDER BY id) - 1 AS n FROM channels),
          total AS (SELECT count(*) AS c FROM channels),
          message AS (SELECT id, "campaignId" FROM messages WHERE status = 'approved' LIMIT 1)
     INSERT INTO posts (id, "messageId", "channelId", "organisationId", "campaignId", platform, "scheduledAt",
       status, text, "signpostVersion", "batchId", "updatedAt")
     SELECT 'bench-c' || g, m.id, c.id, c."organisationId", m."campaignId", c.platform,
       $1::timestamptz + (g % $3::int) * interval '1 day' + (7 * 60 + (g * 7) % (12 * 60)) * interval '1 minute',
       'scheduled', 'Help is available.', 1, 'bench', now()
     FROM generate_series(1, $2::int) g
     JOIN channels c ON c.n = g % (SELECT c FROM total)
     CROSS JOIN message m`,
    // Over the month's first 28 days (every month has them), 07:00 to 19:00 UTC.
    [monthStart.toISOString(), POSTS, 28],
  );
  await database.query('VACUUM ANALYZE');

  const app = await start(
    path.resolve('node_modules/.bin/next'),
    ['start', '-p', String(appPort)],
    {
      env,
      ready: { url: `${env.APP_URL}/api/v1/health` },
      name: 'web',
    },
  );
  const browser = await launchBrowser();
  try {
    const tokenAnswer = await fetch(`${env.APP_URL}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@nw-rocu.example', password: 'signpost-demo' }),
    });
    const { token } = (await tokenAnswer.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const figures: Record<string, string> = {
      posts: `${POSTS.toLocaleString('en-GB')} scheduled in the month of ${first}, as a campaign lead`,
    };

    const ranges: Record<string, Record<string, string>> = {
      'month view data (six weeks, 3 a day)': {
        from: gridStart.toISOString(),
        to: gridEnd.toISOString(),
        perDay: '3',
      },
      'week view data (7 days, 30 a day)': {
        from: dayStart(monday(first), 7)!.toISOString(),
        to: dayStart(monday(first), 14)!.toISOString(),
        perDay: '30',
      },
    };
    for (const [name, query] of Object.entries(ranges)) {
      const url = `${env.APP_URL}/api/v1/calendar?${new URLSearchParams(query)}`;
      const times: number[] = [];
      let shown = 0;
      for (let run = 0; run < RUNS + 5; run++) {
        const { result, ms } = await timed(() => fetch(url, { headers }));
        if (result.status !== 200)
          throw new Error(`${name}: ${result.status} ${await result.text()}`);
        shown = ((await result.json()) as { posts: unknown[] }).posts.length;
        if (run >= 5) times.push(ms);
      }
      times.sort((a, b) => a - b);
      figures[name] =
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${shown} posts answered)`;
    }

    // From navigation to the month's posts and "+N more" links in the page.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, env.APP_URL, 'lead@nw-rocu.example');
    await page.waitForURL(`${env.APP_URL}/`);
    const drawn: number[] = [];
    for (let load = 0; load < PAGE_LOADS + 1; load++) {
      const { ms } = await timed(async () => {
        await page.goto(`${env.APP_URL}/schedule/calendar?show=month&date=${first}`, {
          waitUntil: 'commit',
        });
        await page.waitForFunction(
          () =>
            document.querySelectorAll('[data-testid="calendar-post"]').length >= 60 &&
            document.querySelectorAll('[data-testid="calendar-more"]').length >= 20,
          undefined,
          { polling: 'raf', timeout: 30_000 },
        );
      });
      if (load > 0) drawn.push(ms);
    }
    drawn.sort((a, b) => a - b);
    figures['month drawn in Chromium (navigation → events in the page)'] =
      `p50 ${percentile(drawn, 50).toFixed(0)} ms, max ${drawn.at(-1)?.toFixed(0)} ms over ${PAGE_LOADS} loads`;
    await context.close();
    report('Calendar, 10,000 posts in a month (issue 10)', {
      ...figures,
      runs: `${RUNS} requests per range after 5 to warm up; ${PAGE_LOADS} page loads after 1`,
      machine: machine(),
    });
  } finally {
    await browser.close();
    await app.stop();
  }
} finally {
  await database.end();
  await dropDatabase(environment);
}
process.exit(0);
