// Reach (issue 7): every group's figures are the sum of its posts' latest snapshots, null where no
// post reports the figure, scoped by role; one post's snapshots; the CSV export and the campaign
// report; bad filters answered 400 naming the filter.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as report } from '@/app/api/v1/campaigns/[id]/report.pdf/route';
import { GET as postMetrics } from '@/app/api/v1/posts/[id]/metrics/route';
import { GET as exportCsv } from '@/app/api/v1/reach/export.csv/route';
import { GET as reach } from '@/app/api/v1/reach/route';
import { db } from '@/lib/db';
import type { Figures } from '@/lib/reach/figures';
import type { ReachView } from '@/lib/reach/reach-query';
import type { Platform } from '@/prisma/generated/enums';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { approvedMessage } from '../support/fixtures';
import { publishedPost } from '../support/reach';

const LEAD = 'lead@nw-rocu.example';
const COMMS_LANCASHIRE = 'comms@lancashire.example';
const PARTNER = 'partner@lancashire-county-council.example';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

interface Made {
  id: string;
  organisation: string;
  platform: Platform;
  publishedAt: Date;
  latest: Figures | null;
}

let campaignId: string;
let messageIds: string[];
const made: Made[] = [];

// Organisations and the demo channels they have.
const CHANNELS: Record<string, Platform[]> = {
  lancashire: ['x', 'facebook'],
  merseyside: ['x', 'facebook', 'bluesky'],
  cheshire: ['x', 'bluesky'],
  'lancashire-county-council': ['x'],
};
const ORGANISATIONS = Object.keys(CHANNELS);
// What each platform reports (API.md's table): Bluesky no views, no link clicks.
const REPORTS: Record<string, (keyof Figures)[]> = {
  x: ['views', 'reactions', 'comments', 'shares', 'linkClicks'],
  facebook: ['views', 'reactions', 'comments', 'shares', 'linkClicks'],
  bluesky: ['reactions', 'comments', 'shares'],
};

function figuresFor(platform: string, seed: number): Figures {
  const figures: Figures = {
    views: null,
    reactions: null,
    comments: null,
    shares: null,
    linkClicks: null,
  };
  for (const [index, name] of (REPORTS[platform] ?? []).entries())
    figures[name] = (seed * (index + 3)) % 997;
  return figures;
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  const first = await approvedMessage({ theme: 'help' });
  campaignId = first.campaignId;
  const second = await db.message.create({
    data: { ...pick(first), title: 'Change is possible', theme: 'harm' },
  });
  messageIds = [first.id, second.id];
  // Posts over three weeks of November 2026, several polls each: only the last poll counts.
  let seed = 1;
  for (const organisation of ORGANISATIONS) {
    for (const platform of CHANNELS[organisation]!) {
      for (const week of [0, 1, 2]) {
        seed += 7;
        const publishedAt = new Date(Date.UTC(2026, 10, 2 + week * 7 + (seed % 5), 9 + (seed % 8)));
        const polls = [figuresFor(platform, seed), figuresFor(platform, seed + 11)];
        const id = await publishedPost({
          messageId: messageIds[seed % 2]!,
          organisation,
          platform,
          publishedAt,
          polls,
        });
        made.push({ id, organisation, platform, publishedAt, latest: polls.at(-1)! });
      }
    }
  }
  // Published, not yet polled: counted as a post, with no figures.
  const unpolled = await publishedPost({
    messageId: first.id,
    organisation: 'cumbria',
    platform: 'x',
    publishedAt: new Date('2026-11-20T10:00:00Z'),
  });
  made.push({
    id: unpolled,
    organisation: 'cumbria',
    platform: 'x',
    publishedAt: new Date('2026-11-20T10:00:00Z'),
    latest: null,
  });
});

function pick(message: Awaited<ReturnType<typeof approvedMessage>>) {
  return {
    campaignId: message.campaignId,
    body: message.body,
    shareable: message.shareable,
    status: message.status,
    authorId: message.authorId,
    approverId: message.approverId,
    submittedAt: message.submittedAt,
    approvedAt: message.approvedAt,
  };
}

async function reachAs(email: string, query: Record<string, string>) {
  return call<ReachView & ErrorBody>(reach, '/reach', {
    token: await tokenFor(email),
    query: { campaignId, ...query },
  });
}

const sum = (values: (number | null)[]) => {
  const reported = values.filter((value): value is number => value !== null);
  return reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0);
};

async function organisationIds() {
  const rows = await db.organisation.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

describe('reach per group is the sum of the latest snapshots', () => {
  it('per organisation, platform and week, for every figure', async () => {
    const ids = await organisationIds();
    const keyOf = {
      organisation: (post: Made) => ids.get(post.organisation)!,
      platform: (post: Made) => post.platform,
    };
    for (const groupBy of ['organisation', 'platform'] as const) {
      const { status, body } = await reachAs(LEAD, { groupBy });
      expect(status).toBe(200);
      const expected = new Map<string, Made[]>();
      for (const post of made)
        expected.set(keyOf[groupBy](post), [...(expected.get(keyOf[groupBy](post)) ?? []), post]);
      expect(body.rows.map((row) => row.key).sort()).toEqual([...expected.keys()].sort());
      for (const row of body.rows) {
        const posts = expected.get(row.key)!;
        expect(row.posts).toBe(posts.length);
        for (const name of ['views', 'reactions', 'comments', 'shares', 'linkClicks'] as const) {
          expect(row[name], `${groupBy} ${row.label} ${name}`).toBe(
            sum(posts.map((post) => post.latest?.[name] ?? null)),
          );
        }
      }
    }
    const weeks = await reachAs(LEAD, { groupBy: 'week' });
    expect(weeks.body.rows.map((row) => row.label)).toEqual(
      ['w/c 2 Nov 2026', 'w/c 9 Nov 2026', 'w/c 16 Nov 2026', 'w/c 23 Nov 2026'].slice(
        0,
        weeks.body.rows.length,
      ),
    );
    expect(weeks.body.rows.reduce((total, row) => total + row.posts, 0)).toBe(made.length);
  });

  it('a figure no post reports is null, never 0, and totals say which platforms they cover', async () => {
    const { body } = await reachAs(LEAD, { groupBy: 'platform', platform: 'bluesky' });
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]!.views).toBeNull();
    expect(body.rows[0]!.linkClicks).toBeNull();
    expect(body.rows[0]!.reactions).toBeGreaterThan(0);
    const all = await reachAs(LEAD, { groupBy: 'platform' });
    expect(all.body.totals.covers.views).toEqual(['facebook', 'x']);
    expect(all.body.totals.covers.reactions).toEqual(['bluesky', 'facebook', 'x']);
    expect(all.body.totals.engagements).toBe(sum(all.body.rows.map((row) => row.engagements)));
    // Each platform named once, whatever the grouping.
    const byOrganisation = await reachAs(LEAD, { groupBy: 'organisation' });
    expect(byOrganisation.body.totals.covers.views).toEqual(['facebook', 'x']);
    expect(
      byOrganisation.body.rows.find((row) => row.label === 'Merseyside Police')?.covers.reactions,
    ).toEqual(['bluesky', 'facebook', 'x']);
  });

  it('filters by UK days, organisation, theme and message', async () => {
    const { body } = await reachAs(LEAD, {
      groupBy: 'organisation',
      from: '2026-11-09',
      to: '2026-11-15',
      organisation: 'lancashire',
    });
    const expected = made.filter(
      (post) =>
        post.organisation === 'lancashire' &&
        post.publishedAt >= new Date('2026-11-09T00:00:00Z') &&
        post.publishedAt < new Date('2026-11-16T00:00:00Z'),
    );
    expect(body.totals.posts).toBe(expected.length);
    const byTheme = await reachAs(LEAD, { groupBy: 'theme' });
    expect(byTheme.body.rows.map((row) => row.label).sort()).toEqual(['Harm', 'Help']);
    const byMessage = await reachAs(LEAD, { groupBy: 'message', messageId: messageIds[1]! });
    expect(byMessage.body.rows.map((row) => row.label)).toEqual(['Change is possible']);
  });

  it('any set of filters gives totals equal to the sum of its rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('organisation', 'platform', 'week', 'theme', 'message'),
        fc.option(fc.constantFrom('x', 'facebook', 'bluesky'), { nil: undefined }),
        fc.option(fc.constantFrom(...ORGANISATIONS), { nil: undefined }),
        async (groupBy, platform, organisation) => {
          const query: Record<string, string> = { groupBy };
          if (platform) query.platform = platform;
          if (organisation) query.organisation = organisation;
          const { status, body } = await reachAs(LEAD, query);
          expect(status).toBe(200);
          expect(body.totals.posts).toBe(body.rows.reduce((total, row) => total + row.posts, 0));
          expect(body.totals.views).toBe(sum(body.rows.map((row) => row.views)));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('reach by role', () => {
  it("a comms officer sees their force's rows and the campaign's totals, never another force's per-post figures", async () => {
    const ids = await organisationIds();
    const { body } = await reachAs(COMMS_LANCASHIRE, { groupBy: 'organisation' });
    expect(body.rows.map((row) => row.key)).toEqual([ids.get('lancashire')]);
    expect(body.campaignTotals?.posts).toBe(made.length);
    for (const groupBy of ['platform', 'message', 'week', 'theme']) {
      const view = await reachAs(COMMS_LANCASHIRE, { groupBy });
      expect(view.body.totals.posts).toBe(
        made.filter((post) => post.organisation === 'lancashire').length,
      );
    }
    const other = made.find((post) => post.organisation === 'merseyside')!;
    const token = await tokenFor(COMMS_LANCASHIRE);
    const refused = await call<ErrorBody>(postMetrics, `/posts/${other.id}/metrics`, {
      token,
      params: { id: other.id },
    });
    expect(refused.status).toBe(404);
    const own = made.find((post) => post.organisation === 'lancashire' && post.latest)!;
    const mine = await call<{ latest: Figures; snapshots: unknown[] }>(
      postMetrics,
      `/posts/${own.id}/metrics`,
      { token, params: { id: own.id } },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.snapshots).toHaveLength(2);
    expect(mine.body.latest.views).toBe(own.latest!.views);
  });

  it('a partner sees their own posts and no campaign totals', async () => {
    const { body } = await reachAs(PARTNER, { groupBy: 'platform' });
    expect(body.totals.posts).toBe(
      made.filter((post) => post.organisation === 'lancashire-county-council').length,
    );
    expect(body.campaignTotals).toBeNull();
  });
});

describe('exports', () => {
  it('the CSV export round-trips: the same rows, figures and empty cells for "not reported"', async () => {
    const query = { campaignId, groupBy: 'platform' };
    const token = await tokenFor(LEAD);
    const csv = await call(exportCsv, '/reach/export.csv', { token, query });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const json = await reachAs(LEAD, { groupBy: 'platform' });
    expect(rows).toHaveLength(json.body.rows.length);
    for (const [index, row] of rows.entries()) {
      const expected = json.body.rows[index]!;
      expect(row.label).toBe(expected.label);
      expect(Number(row.posts)).toBe(expected.posts);
      expect(row.views === '' ? null : Number(row.views)).toBe(expected.views);
      expect(row.campaignId).toBe(campaignId);
    }
  });

  it('the campaign report is a PDF whose text holds the headline figures; leads only', async () => {
    const token = await tokenFor(LEAD);
    const answer = await call(report, `/campaigns/${campaignId}/report.pdf`, {
      token,
      params: { id: campaignId },
      query: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(answer.bytes);
    const totals = (await reachAs(LEAD, { from: '2026-11-01', to: '2026-11-30' })).body.totals;
    const show = (value: number | null) => new Intl.NumberFormat('en-GB').format(value ?? 0);
    expect(text).toContain('Posts published');
    expect(text).toContain(show(totals.posts));
    expect(text).toContain(show(totals.views));
    expect(text).toContain(show(totals.engagements));
    expect(text).toContain('1 Nov 2026 to 30 Nov 2026');
    // The seed's published help-seeking comparison: the region +103 %, Lancashire +146 %.
    expect(text).toContain('Help-seeking');
    expect(text).toMatch(/1,747\s+3,549\s+\+103 %/);
    expect(text).toMatch(/Lancashire\s+350\s+861\s+\+146 %/);
    expect(text).toContain('correlation, not cause');
    const refused = await call<ErrorBody>(report, `/campaigns/${campaignId}/report.pdf`, {
      token: await tokenFor(COMMS_LANCASHIRE),
      params: { id: campaignId },
    });
    expect(refused.status).toBe(403);
    const backwards = await call<ErrorBody>(report, `/campaigns/${campaignId}/report.pdf`, {
      token,
      params: { id: campaignId },
      query: { from: '2026-11-30', to: '2026-11-01' },
    });
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.fields ?? {})).toEqual(['from']);
  });
});

describe('bad filters', () => {
  it.each([
    [{ groupBy: 'county' }, 'groupBy'],
    [{ from: '2026-11-31' }, 'from'],
    [{ to: '0000-00-00' }, 'to'],
    [{ from: '2026-11-20', to: '2026-11-01' }, 'from'],
    [{ organisation: 'atlantis' }, 'organisation'],
    [{ platform: 'myspace' }, 'platform'],
    [{ surprise: '1' }, 'surprise'],
  ])('%j is refused, naming %s', async (query, field) => {
    const { status, body } = await reachAs(LEAD, query as Record<string, string>);
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields ?? {}).join(' ')).toContain(field);
  });
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('the daily rollup', () => {
  it('always equals the sums of the posts’ latest figures, whatever the polls bring (nulls included)', async () => {
    const { recordPoll } = await import('@/lib/reach/record-poll');
    const figure = fc.option(fc.nat(5000), { nil: null });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            post: fc.nat(made.length - 1),
            figures: fc.record({
              views: figure,
              reactions: figure,
              comments: figure,
              shares: figure,
              linkClicks: figure,
            }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (polls) => {
          const seen = new Set<number>();
          const batch = polls.filter(({ post }) => !seen.has(post) && seen.add(post));
          const rows = await db.post.findMany({
            where: { id: { in: batch.map(({ post }) => made[post]!.id) } },
          });
          const byId = new Map(rows.map((row) => [row.id, row]));
          await recordPoll(
            batch.map(({ post }) => {
              const row = byId.get(made[post]!.id)!;
              return {
                id: row.id,
                organisationId: row.organisationId,
                publishedAt: row.publishedAt!,
                pollsDone: row.pollsDone,
              };
            }),
            new Map(
              batch.map(({ post, figures }) => [
                made[post]!.id,
                { kind: 'figures' as const, figures, raw: {} },
              ]),
            ),
            new Date('2026-11-30T12:00:00Z'),
          );
          for (const { post, figures } of batch) made[post]!.latest = figures;
          const differences = await db.$queryRawUnsafe<unknown[]>(`
            WITH expected AS (
              SELECT "campaignId", ((("publishedAt")::timestamp AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London')::date AS day,
                "organisationId", platform, theme, count(*)::int AS posts,
                coalesce(sum(views), 0)::bigint AS views, count(views)::int AS "viewsReported",
                coalesce(sum(reactions), 0)::bigint AS reactions, count(reactions)::int AS "reactionsReported",
                coalesce(sum("linkClicks"), 0)::bigint AS "linkClicks", count("linkClicks")::int AS "linkClicksReported",
                coalesce(sum(engagements), 0)::bigint AS engagements, count(engagements)::int AS "engagementsReported"
              FROM post_reach GROUP BY 1, 2, 3, 4, 5
            ), actual AS (
              SELECT "campaignId", day, "organisationId", platform, theme, posts, views, "viewsReported", reactions,
                "reactionsReported", "linkClicks", "linkClicksReported", engagements, "engagementsReported"
              FROM reach_daily
            )
            (SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)`);
          expect(differences).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
    // And the API still adds up to the posts' own latest figures.
    const { body } = await reachAs(LEAD, { groupBy: 'platform' });
    expect(body.totals.views).toBe(sum(made.map((post) => post.latest?.views ?? null)));
    expect(body.totals.posts).toBe(made.length);
  });
});
