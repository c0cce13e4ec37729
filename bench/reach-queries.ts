// The Reach page's queries at the scale of all 43 forces of England and Wales: POSTS published
// posts (default 1,000,000) with SNAPSHOTS_PER_POST snapshots each (default 10: 10,000,000), over
// 10 organisations, 8 platforms and 52 weeks. Measures GET /api/v1/reach through the production
// build (by organisation, platform, week and message; with and without filters), and, for the
// choice of design, the same totals computed straight from the snapshots with DISTINCT ON.
//
// Run: npx next build, then npx tsx bench/reach-queries.ts (POSTS=100000 for the 1,000,000-snapshot
// figure). Takes a database of its own (created, filled, dropped).
import path from 'node:path';
import { start } from '../tests/support/processes';
import { dropDatabase } from '../tests/support/test-env';
import { appBenchDatabase, machine, percentile, report, timed } from './support';

const POSTS = Number(process.env.POSTS ?? 1_000_000);
const SNAPSHOTS_PER_POST = Number(process.env.SNAPSHOTS_PER_POST ?? 10);
const RUNS = Number(process.env.RUNS ?? 40);

const { environment, appPort, env, database } = await appBenchDatabase('signpost_bench_reach');

try {
  const fill = await timed(async () => {
    const [campaign] = (await database.query(`SELECT id FROM campaigns LIMIT 1`)).rows as {
      id: string;
    }[];
    const [author] = (await database.query(`SELECT id FROM users LIMIT 1`)).rows as {
      id: string;
    }[];
    // 200 messages, the five themes in turn.
    await database.query(
      `INSERT INTO messages (id, "campaignId", title, body, theme, status, "authorId", "updatedAt")
       SELECT 'bench-m' || g, $1, 'Benchmark message ' || g, 'Help is available.',
         (ARRAY['awareness','harm','enforcement','consequences','help'])[1 + g % 5]::"Theme", 'approved', $2, now()
       FROM generate_series(1, 200) g`,
      [campaign!.id, author!.id],
    );
    // Posts over 52 weeks on the demo channels (one per organisation and platform where it has one,
    // the platform column spread over all eight).
    await database.query(
      `WITH channels AS (SELECT id, "organisationId", row_number() OVER (ORDER BY id) - 1 AS n FROM channels),
            total AS (SELECT count(*) AS c FROM channels)
       INSERT INTO posts (id, "messageId", "channelId", "organisationId", "campaignId", platform, "scheduledAt",
         "publishedAt", status, text, "signpostVersion", "externalId", "batchId", "updatedAt", "pollsDone")
       SELECT 'bench-p' || g, 'bench-m' || (1 + g % 200), c.id, c."organisationId", $1,
         (enum_range(NULL::"Platform"))[1 + g % 8],
         now() - (g % (52 * 7 * 24 * 60)) * interval '1 minute', now() - (g % (52 * 7 * 24 * 60)) * interval '1 minute',
         'published', 'Help is available.', 1, 'ext-' || g, 'bench', now(), 6
       FROM generate_series(1, $2::int) g
       JOIN channels c ON c.n = g % (SELECT c FROM total)`,
      [campaign!.id, POSTS],
    );
    // Snapshots: growing figures; views and link clicks null on the platforms that do not report them.
    await database.query(
      `INSERT INTO reach_snapshots ("postId", "collectedAt", views, reactions, comments, shares, "linkClicks", raw)
       SELECT p.id, p."publishedAt" + s * interval '6 hours',
         CASE WHEN p.platform IN ('bluesky','mastodon','nextdoor') THEN NULL ELSE (hashtext(p.id) & 4095) * s END,
         (hashtext(p.id) & 127) * s, (hashtext(p.id) & 15) * s,
         CASE WHEN p.platform = 'nextdoor' THEN NULL ELSE (hashtext(p.id) & 31) * s END,
         CASE WHEN p.platform IN ('x','facebook','linkedin') THEN (hashtext(p.id) & 63) * s END,
         '{}'::jsonb
       FROM posts p CROSS JOIN generate_series(1, $1::int) s WHERE p."batchId" = 'bench'`,
      [SNAPSHOTS_PER_POST],
    );
    // The latest figures per post, as polling keeps them.
    await database.query(
      `INSERT INTO post_reach ("postId", "organisationId", "campaignId", "messageId", theme, platform, "publishedAt",
         "collectedAt", views, reactions, comments, shares, "linkClicks", engagements)
       SELECT DISTINCT ON (s."postId") s."postId", p."organisationId", p."campaignId", p."messageId", m.theme, p.platform,
         p."publishedAt", s."collectedAt", s.views, s.reactions, s.comments, s.shares, s."linkClicks",
         CASE WHEN s.reactions IS NULL AND s.comments IS NULL AND s.shares IS NULL THEN NULL
           ELSE coalesce(s.reactions, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0) END
       FROM reach_snapshots s JOIN posts p ON p.id = s."postId" JOIN messages m ON m.id = p."messageId"
       ORDER BY s."postId", s."collectedAt" DESC`,
    );
    // The daily rollup, as publishing and polling keep it.
    await database.query(
      `INSERT INTO reach_daily ("campaignId", day, "organisationId", platform, theme, posts, "views", "viewsReported", "reactions", "reactionsReported", "comments", "commentsReported", "shares", "sharesReported", "linkClicks", "linkClicksReported", "engagements", "engagementsReported")
       SELECT "campaignId", (("publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date, "organisationId",
         platform, theme, count(*), coalesce(sum("views"), 0), count("views"), coalesce(sum("reactions"), 0), count("reactions"), coalesce(sum("comments"), 0), count("comments"), coalesce(sum("shares"), 0), count("shares"), coalesce(sum("linkClicks"), 0), count("linkClicks"), coalesce(sum("engagements"), 0), count("engagements")
       FROM post_reach GROUP BY 1, 2, 3, 4, 5`,
    );
    await database.query('VACUUM ANALYZE');
  });
  const [counts] = (
    await database.query(
      `SELECT (SELECT count(*) FROM reach_snapshots)::int AS snapshots, (SELECT count(*) FROM post_reach)::int AS posts, (SELECT count(*) FROM reach_daily)::int AS days`,
    )
  ).rows as { snapshots: number; posts: number; days: number }[];

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
    const tokenAnswer = await fetch(`${env.APP_URL}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'lead@nw-rocu.example',
        password: 'signpost-demo',
        label: 'bench',
      }),
    });
    const { token } = (await tokenAnswer.json()) as { token: string };
    const campaignId = (
      (await database.query(`SELECT id FROM campaigns LIMIT 1`)).rows[0] as { id: string }
    ).id;
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10);
    const QUERIES: Record<string, Record<string, string>> = {
      'by organisation, whole year': { groupBy: 'organisation' },
      'by platform, whole year': { groupBy: 'platform' },
      'by week, whole year': { groupBy: 'week' },
      'by message, whole year': { groupBy: 'message' },
      'by platform, last 28 days': { groupBy: 'platform', from: monthAgo, to: today },
      'by week, one organisation': { groupBy: 'week', organisation: 'lancashire' },
      'by message, one platform, last 28 days': {
        groupBy: 'message',
        platform: 'x',
        from: monthAgo,
        to: today,
      },
      'as a comms officer (own force + campaign totals)': { groupBy: 'platform', as: 'comms' },
    };
    const commsAnswer = await fetch(`${env.APP_URL}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'comms@lancashire.example',
        password: 'signpost-demo',
        label: 'bench',
      }),
    });
    const comms = ((await commsAnswer.json()) as { token: string }).token;
    const figures: Record<string, string> = {
      snapshots: counts!.snapshots.toLocaleString('en-GB'),
      posts: counts!.posts.toLocaleString('en-GB'),
      'daily rollup rows': counts!.days.toLocaleString('en-GB'),
      'data made in': `${(fill.ms / 1000).toFixed(0)} s`,
    };
    for (const [name, { as, ...query }] of Object.entries(QUERIES)) {
      const url = `${env.APP_URL}/api/v1/reach?${new URLSearchParams({ campaignId, ...query })}`;
      const headers = { authorization: `Bearer ${as === 'comms' ? comms : token}` };
      const times: number[] = [];
      for (let run = 0; run < RUNS + 5; run++) {
        const { result, ms } = await timed(() => fetch(url, { headers }));
        if (result.status !== 200)
          throw new Error(`${name}: ${result.status} ${await result.text()}`);
        await result.arrayBuffer();
        if (run >= 5) times.push(ms);
      }
      times.sort((a, b) => a - b);
      figures[name] =
        `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
    }
    // The alternative: the latest snapshot of each post found at query time.
    const distinctOn = [] as number[];
    for (let run = 0; run < 3; run++) {
      const { ms } = await timed(() =>
        database.query(
          `SELECT platform, count(*), sum(views), sum(reactions) FROM (
             SELECT DISTINCT ON (s."postId") p.platform, s.views, s.reactions
             FROM reach_snapshots s JOIN posts p ON p.id = s."postId"
             ORDER BY s."postId", s."collectedAt" DESC) latest GROUP BY platform`,
        ),
      );
      distinctOn.push(ms);
    }
    distinctOn.sort((a, b) => a - b);
    figures['by platform with DISTINCT ON over the snapshots (SQL only, median of 3)'] =
      `${percentile(distinctOn, 50).toFixed(0)} ms`;
    report(
      `Reach queries, ${counts!.snapshots.toLocaleString('en-GB')} snapshots (${machine()})`,
      figures,
    );
  } finally {
    await app.stop();
  }
} finally {
  await database.end();
  // KEEP_DATABASE=1 leaves it for EXPLAIN ANALYZE (its name is printed).
  if (process.env.KEEP_DATABASE === '1') console.log(`kept ${environment.DATABASE_URL}`);
  else await dropDatabase(environment);
}
