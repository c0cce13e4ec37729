// Search (issue 10): POSTS posts (default 10,000) with varied text over every demo channel and
// 200 messages. Measures the Schedule page's query with `q` (listPosts, first page of 100, as a
// campaign lead and as a comms officer), the Campaigns page's message search, and the CSV export
// of a search, RUNS times each (p50, p95); then the same posts searches without the pg_trgm
// indexes, to show what they buy.
//
// Run: npx tsx bench/search.ts (POSTS=100000 for a bigger table). Takes a database of its own
// (created, filled, dropped). In-process: the lib functions the routes call, no HTTP.
import { dropDatabase } from '../tests/support/test-env';
import { appBenchDatabase, machine, percentile, report, timed } from './support';

const POSTS = Number(process.env.POSTS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 40);

const { environment, env, database } = await appBenchDatabase('signpost_bench_search');
Object.assign(process.env, env);
const { listPosts } = await import('../lib/posts/list-posts');
const { listMessages } = await import('../lib/messages/list-messages');
const { exportPostsCsv } = await import('../lib/posts/export-posts');
const { actorFor } = await import('../tests/support/fixtures');
const { db } = await import('../lib/db');

// Words of the campaign's own vocabulary, and one that appears in a single post.
const WORDS = `help worried online behaviour children safe confidential anonymous call helpline
  support advice police force partner council week campaign images chat messages change talk
  family friends school parents signs grooming harm report abuse trust hope listen learn protect
  together young people`.split(/\s+/);
if (WORDS.length !== 40) throw new Error('the vocabulary is 40 words');

try {
  await database.query(
    `WITH message AS (SELECT "campaignId", "authorId" FROM messages WHERE status = 'approved' LIMIT 1)
     INSERT INTO messages (id, "campaignId", title, body, theme, status, "authorId", "updatedAt", overrides)
     SELECT 'bench-m' || g, m."campaignId", 'Message ' || g || ' about ' || ($1::text[])[1 + g % 40],
       'Body of message ' || g || ': ' || ($1::text[])[1 + (g * 7) % 40] || ' and ' || ($1::text[])[1 + (g * 13) % 40],
       'help', 'approved', m."authorId", now(), jsonb_build_object('x', 'Short ' || ($1::text[])[1 + (g * 3) % 40])
     FROM generate_series(1, 200) g CROSS JOIN message m`,
    [WORDS],
  );
  await database.query(
    `WITH channels AS (SELECT id, "organisationId", platform, row_number() OVER (ORDER BY id) - 1 AS n FROM channels),
          total AS (SELECT count(*) AS c FROM channels)
     INSERT INTO posts (id, "messageId", "channelId", "organisationId", "campaignId", platform, "scheduledAt",
       status, text, "signpostVersion", "batchId", "updatedAt")
     SELECT 'bench-s' || g, 'bench-m' || (1 + g % 200), c.id, c."organisationId", m."campaignId", c.platform,
       now() + (g % 60) * interval '1 day' + (g % 600) * interval '1 minute', 'scheduled',
       'Post ' || g || ': ' || ($2::text[])[1 + g % 40] || ' ' || ($2::text[])[1 + (g * 11) % 40] || ' '
         || ($2::text[])[1 + (g * 17) % 40] || CASE WHEN g = $1::int / 2 THEN ' zebracrossing' ELSE '' END
         || '. Call Stop It Now on 0808 1000 900 or visit stopitnow.org.uk',
       1, 'bench', now()
     FROM generate_series(1, $1::int) g
     JOIN channels c ON c.n = g % (SELECT c FROM total)
     CROSS JOIN (SELECT DISTINCT "campaignId" FROM messages WHERE id LIKE 'bench-m%') m`,
    [POSTS, WORDS],
  );
  await database.query('VACUUM ANALYZE');

  const lead = (await actorFor('lead@nw-rocu.example')).actor;
  const comms = (await actorFor('comms@lancashire.example')).actor;

  async function measure(work: () => Promise<unknown>): Promise<string> {
    for (let i = 0; i < 5; i += 1) await work();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push((await timed(work)).ms);
    times.sort((a, b) => a - b);
    return `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} ms`;
  }
  const page = (actor: typeof lead, q: string) => () =>
    listPosts(actor, { q, limit: 100, order: 'asc' });
  const postQueries = {
    'posts, one common word, lead (p50 / p95)': page(lead, 'grooming'),
    'posts, two words, lead': page(lead, 'helpline grooming'),
    'posts, a word in one post only, lead': page(lead, 'zebracrossing'),
    'posts, a word of the message title, comms officer': page(comms, 'message'),
    'posts, no match, lead': page(lead, 'xylophone'),
  };
  const figures: Record<string, string> = {
    posts: `${POSTS.toLocaleString('en-GB')} (200 messages)`,
  };
  for (const [name, work] of Object.entries(postQueries)) figures[name] = await measure(work);
  figures['messages, one word (Campaigns page search)'] = await measure(() =>
    listMessages(lead, { q: 'grooming', limit: 50 }),
  );
  figures['CSV export of a one-word search, lead (all pages)'] = await measure(async () => {
    const stream = await exportPostsCsv(lead, { q: 'grooming', order: 'asc' });
    const reader = stream.getReader();
    let bytes = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read())
      bytes += read.value.byteLength;
    return bytes;
  });
  await database.query(
    'DROP INDEX posts_text_trgm_idx; DROP INDEX messages_title_trgm_idx; ANALYZE posts; ANALYZE messages',
  );
  for (const [name, work] of Object.entries(postQueries))
    figures[`without the trigram indexes: ${name.replace(' (p50 / p95)', '')}`] =
      await measure(work);
  figures.machine = machine();
  report('Search', figures);
  await db.$disconnect();
} finally {
  await database.end();
  await dropDatabase(environment);
}
