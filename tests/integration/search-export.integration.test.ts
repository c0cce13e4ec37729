// Search and exports (issue 10, points 6 and 7): `q` on GET /posts and GET /messages finds what
// the role may see and nothing of another organisation, every word, with LIKE's wildcards taken
// literally; GET /posts/export.csv is the filtered list as CSV; a calendar feed answers the
// person's scope at each fetch as iCalendar, and once revoked (or its person gone) is a 404.
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/v1/feeds/[token]/calendar.ics/route';
import { GET as listMessagesRoute } from '@/app/api/v1/messages/route';
import { GET as exportRoute } from '@/app/api/v1/posts/export.csv/route';
import { GET as listPostsRoute } from '@/app/api/v1/posts/route';
import { createCalendarFeed, revokeCalendarFeed } from '@/lib/calendar-feeds/calendar-feeds';
import { db } from '@/lib/db';
import type { MessageView } from '@/lib/messages/message-schemas';
import type { PostView } from '@/lib/posts/post-view';
import { POSTS_CSV_COLUMNS } from '@/lib/posts/posts-csv';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { approvedMessage, channelOf } from '../support/fixtures';

type List<T> = { items: T[]; nextCursor: string | null };

const LEAD = 'lead@nw-rocu.example';
const LANCASHIRE = 'comms@lancashire.example';
const CUMBRIA = 'comms@cumbria.example';
const PARTNER = 'partner@lancashire-county-council.example';
const APP_URL = 'http://localhost:3000';
const DAY = 24 * 60 * 60 * 1000;

let message: Awaited<ReturnType<typeof approvedMessage>>;
let hidden: Awaited<ReturnType<typeof approvedMessage>>;

async function addPost(organisation: string, text: string, inDays: number, status = 'scheduled') {
  const channel = await channelOf(organisation, 'facebook');
  const post = await db.post.create({
    data: {
      id: randomUUID(),
      messageId: message.id,
      channelId: channel.id,
      organisationId: channel.organisationId,
      campaignId: message.campaignId,
      platform: channel.platform,
      scheduledAt: new Date(Date.now() + inDays * DAY),
      status: status as 'scheduled',
      text,
      signpostVersion: 1,
      batchId: randomUUID(),
    },
  });
  return post.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  message = await approvedMessage({ body: 'Knife crime: where to turn' });
  await db.message.update({
    where: { id: message.id },
    data: { title: 'Crime and help', overrides: { x: 'Ask about the Zyxwv helpline' } },
  });
  // Not shareable: a partner never sees it, found by search or not.
  hidden = await approvedMessage({
    body: 'Only forces publish this Qwerty message',
    shareable: false,
  });
  ids.knife = await addPost('lancashire', 'Knife amnesty this week. Call 0808 1000 900.', 2);
  ids.percent = await addPost('lancashire', 'Now 100% anonymous.', 3);
  ids.underscore = await addPost('lancashire', 'Reply to help_desk for details.', 4);
  ids.formula = await addPost('lancashire', '=HYPERLINK("http://evil.example","x")', 5);
  ids.published = await addPost('lancashire', 'Knife bins are open.', -2, 'published');
  ids.cancelled = await addPost('lancashire', 'Knife week was cancelled.', 6, 'cancelled');
  ids.cumbria = await addPost('cumbria', 'Knife amnesty in Cumbria too.', 2);
});

const postsAs = async (email: string, query: Record<string, string>) =>
  call<List<PostView>>(listPostsRoute, '/posts', { token: await tokenFor(email), query });

describe('searching posts', () => {
  it('finds a comms officer’s own posts by a word of their text, in any case, and nothing of another force', async () => {
    const found = await postsAs(LANCASHIRE, { q: 'KNIFE' });
    expect(found.status).toBe(200);
    expect(found.body.items.map((post) => post.id).sort()).toEqual(
      [ids.knife, ids.published, ids.cancelled].sort(),
    );
  });

  it('finds every organisation’s posts for a campaign lead', async () => {
    const found = await postsAs(LEAD, { q: 'knife' });
    expect(found.body.items.map((post) => post.id)).toContain(ids.cumbria);
    expect(found.body.items.map((post) => post.id)).toContain(ids.knife);
  });

  it('needs every word, each in the text or the message title', async () => {
    // "crime" is in the message title only, "amnesty" in the text only.
    const both = await postsAs(LANCASHIRE, { q: 'crime amnesty' });
    expect(both.body.items.map((post) => post.id)).toEqual([ids.knife]);
    const none = await postsAs(LANCASHIRE, { q: 'amnesty bins' });
    expect(none.body.items).toEqual([]);
  });

  it('takes % and _ as the characters they are, not as wildcards', async () => {
    const percent = await postsAs(LANCASHIRE, { q: '%' });
    expect(percent.body.items.map((post) => post.id)).toEqual([ids.percent]);
    const underscore = await postsAs(LANCASHIRE, { q: '_' });
    expect(underscore.body.items.map((post) => post.id)).toEqual([ids.underscore]);
    const backslash = await postsAs(LANCASHIRE, { q: '\\' });
    expect(backslash.body.items).toEqual([]);
  });

  it('combines with the other filters', async () => {
    const found = await postsAs(LANCASHIRE, { q: 'knife', status: 'published' });
    expect(found.body.items.map((post) => post.id)).toEqual([ids.published]);
  });

  it('refuses a search longer than 200 characters, naming q', async () => {
    const refused = await postsAs(LANCASHIRE, { q: 'a'.repeat(201) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('q');
  });
});

describe('searching messages', () => {
  const messagesAs = async (email: string, q: string) =>
    call<List<MessageView>>(listMessagesRoute, '/messages', {
      token: await tokenFor(email),
      query: { q },
    });

  it('finds a message by its title, its body or a platform’s override', async () => {
    for (const q of ['crime help', 'where to turn', 'zyxwv']) {
      const found = await messagesAs(LANCASHIRE, q);
      expect(found.body.items.map((item) => item.id)).toEqual([message.id]);
    }
  });

  it('finds for a partner only the shareable messages they may see', async () => {
    expect((await messagesAs(LANCASHIRE, 'qwerty')).body.items.map((item) => item.id)).toEqual([
      hidden.id,
    ]);
    expect((await messagesAs(PARTNER, 'qwerty')).body.items).toEqual([]);
    expect((await messagesAs(PARTNER, 'zyxwv')).body.items.map((item) => item.id)).toEqual([
      message.id,
    ]);
  });

  it('takes a wildcard literally', async () => {
    expect((await messagesAs(LANCASHIRE, '%')).body.items).toEqual([]);
  });
});

describe('GET /posts/export.csv', () => {
  const exportAs = async (email: string, query: Record<string, string>) =>
    call(exportRoute, '/posts/export.csv', { token: await tokenFor(email), query });

  it('answers the filtered list as CSV: a header row, then the role’s own posts', async () => {
    const answer = await exportAs(LANCASHIRE, { q: 'knife' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(answer.text) as string[][];
    expect(rows[0]).toEqual([...POSTS_CSV_COLUMNS]);
    const idColumn = rows.slice(1).map((row) => row[0]);
    expect(idColumn.sort()).toEqual([ids.knife, ids.published, ids.cancelled].sort());
    expect(idColumn).not.toContain(ids.cumbria);
  });

  it('gives each time in UK time and ISO 8601', async () => {
    const rows = parseCsv((await exportAs(LANCASHIRE, { q: 'amnesty' })).text) as string[][];
    const [header, row] = rows;
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('scheduledAt')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(cell('scheduledAtUk')).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d (GMT|BST)$/);
  });

  it('writes a cell a spreadsheet would run as a formula as text', async () => {
    const rows = parseCsv((await exportAs(LANCASHIRE, { q: 'hyperlink' })).text) as string[][];
    const text = rows[1]?.[POSTS_CSV_COLUMNS.indexOf('text')];
    expect(text).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });

  it('answers just the header when nothing matches, and 400 for a bad filter', async () => {
    const empty = parseCsv((await exportAs(CUMBRIA, { q: 'hyperlink' })).text) as string[][];
    expect(empty).toEqual([[...POSTS_CSV_COLUMNS]]);
    const refused = await exportAs(LANCASHIRE, { status: 'sent' });
    expect(refused.status).toBe(400);
  });

  it('pages through more posts than one read', async () => {
    const channel = await channelOf('merseyside', 'facebook');
    await db.post.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        id: randomUUID(),
        messageId: message.id,
        channelId: channel.id,
        organisationId: channel.organisationId,
        campaignId: message.campaignId,
        platform: channel.platform,
        scheduledAt: new Date(Date.now() + (10 + i) * 60_000),
        text: `Bulk ${i}`,
        signpostVersion: 1,
        batchId: 'bulk',
      })),
    });
    const rows = parseCsv(
      (await exportAs(LEAD, { organisation: 'merseyside', q: 'bulk' })).text,
    ) as string[][];
    expect(rows).toHaveLength(1204);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(1203);
  });
});

function feedEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description')),
    url: String(event.getFirstPropertyValue('url')),
    stamp: event.getFirstPropertyValue('dtstamp'),
  }));
}

const fetchFeed = (url: string) => {
  const token = /\/feeds\/([^/]+)\/calendar\.ics$/.exec(new URL(url).pathname)?.[1] ?? '';
  return call(feedRoute, `/feeds/${token}/calendar.ics`, { params: { token } });
};

describe('calendar feeds', () => {
  it('answers the person’s scheduled and published posts as iCalendar, with stable UIDs', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: LANCASHIRE } });
    const feed = await createCalendarFeed(user, { label: 'Work', filters: {} }, APP_URL);
    const answer = await fetchFeed(feed.url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/calendar');
    const events = feedEvents(answer.text);
    const uids = events.map((event) => event.uid);
    for (const id of [ids.knife, ids.percent, ids.underscore, ids.formula, ids.published])
      expect(uids).toContain(`post-${id}@localhost`);
    // Not another force's, not a cancelled post.
    expect(uids).not.toContain(`post-${ids.cumbria}@localhost`);
    expect(uids).not.toContain(`post-${ids.cancelled}@localhost`);
    const knife = events.find((event) => event.uid === `post-${ids.knife}@localhost`);
    expect(knife?.summary).toBe('Facebook: Crime and help (scheduled)');
    expect(knife?.description).toContain('Knife amnesty this week. Call 0808 1000 900.');
    expect(knife?.url).toBe(`${APP_URL}/messages/${message.id}#post-${ids.knife}`);
    expect(knife?.stamp).toBeTruthy();
    // The same UIDs at the next fetch: a calendar updates its events rather than doubling them.
    expect(feedEvents((await fetchFeed(feed.url)).text).map((event) => event.uid)).toEqual(uids);
  });

  it('keeps the filters it was made with', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: LANCASHIRE } });
    const feed = await createCalendarFeed(
      user,
      { label: 'Knife posts', filters: { q: 'knife', status: 'published' } },
      APP_URL,
    );
    const events = feedEvents((await fetchFeed(feed.url)).text);
    expect(events.map((event) => event.uid)).toEqual([`post-${ids.published}@localhost`]);
  });

  it('is a 404 once revoked, and for a secret that was never issued', async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: LANCASHIRE } });
    const feed = await createCalendarFeed(user, { label: 'Phone', filters: {} }, APP_URL);
    expect((await fetchFeed(feed.url)).status).toBe(200);
    await revokeCalendarFeed(user, feed.id);
    expect((await fetchFeed(feed.url)).status).toBe(404);
    const never = await call(feedRoute, '/feeds/x/calendar.ics', {
      params: { token: 'spcal_never-issued' },
    });
    expect(never.status).toBe(404);
    const actions = await db.auditEvent.findMany({
      where: { entityId: feed.id },
      select: { action: true },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((event) => event.action)).toEqual([
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });

  it('refuses another person’s feed to revoke', async () => {
    const owner = await db.user.findUniqueOrThrow({ where: { email: LANCASHIRE } });
    const other = await db.user.findUniqueOrThrow({ where: { email: CUMBRIA } });
    const feed = await createCalendarFeed(owner, { label: 'Mine', filters: {} }, APP_URL);
    await expect(revokeCalendarFeed(other, feed.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await fetchFeed(feed.url)).status).toBe(200);
  });

  it('reflects a membership removed since it was made, and a person who is gone', async () => {
    const email = `feed-${randomUUID().slice(0, 8)}@lancashire.example`;
    const lancashire = await db.organisation.findUniqueOrThrow({ where: { slug: 'lancashire' } });
    const person = await db.user.create({
      data: {
        email,
        name: 'Feed Reader',
        memberships: { create: { organisationId: lancashire.id, role: 'comms_officer' } },
      },
    });
    const feed = await createCalendarFeed(person, { label: 'Work', filters: {} }, APP_URL);
    expect(feedEvents((await fetchFeed(feed.url)).text).length).toBeGreaterThan(0);
    await db.membership.deleteMany({ where: { userId: person.id } });
    expect(feedEvents((await fetchFeed(feed.url)).text)).toEqual([]);
    await db.user.delete({ where: { id: person.id } });
    expect((await fetchFeed(feed.url)).status).toBe(404);
  });
});
