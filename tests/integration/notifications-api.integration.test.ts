// The notifications API (issue 9): a person reads and marks only their own notifications, a page
// at a time, unread ones alone when asked; a body that is neither ids nor all is a 400 naming it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as listNotifications } from '@/app/api/v1/notifications/route';
import { POST as markRead } from '@/app/api/v1/notifications/read/route';
import { db } from '@/lib/db';
import { markUnread } from '@/lib/notifications/mark-read';
import type { NotificationView } from '@/lib/notifications/notification-view';
import { call, forgetTokens, tokenFor } from '../support/api';
import { actorFor } from '../support/fixtures';
import { resetDatabase, userId } from '../support/database';
import { everyTableRowCount } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type NotificationPage = {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
};

const LEAD = 'lead@nw-rocu.example';
const OTHER_LEAD = 'lead2@nw-rocu.example';
const MINUTE = 60_000;

/** Notifications for a person, the first given the newest; `read` ones are read already. */
async function notify(
  email: string,
  specs: { title: string; kind?: string; read?: boolean; count?: number }[],
): Promise<string[]> {
  const user = await userId(email);
  const base = Date.now() - specs.length * MINUTE;
  const ids: string[] = [];
  for (const [index, spec] of specs.entries()) {
    const at = new Date(base + (specs.length - index) * MINUTE);
    const row = await db.notification.create({
      data: {
        userId: user,
        kind: spec.kind ?? 'message.submitted',
        title: spec.title,
        body: `About ${spec.title}`,
        link: '/approvals',
        count: spec.count ?? 1,
        createdAt: at,
        readAt: spec.read ? at : null,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

async function list(email: string, query: Record<string, string> = {}) {
  return call<NotificationPage & ErrorBody>(listNotifications, '/notifications', {
    token: await tokenFor(email),
    query,
  });
}

async function read(email: string, body: unknown) {
  return call<ErrorBody | null>(markRead, '/notifications/read', {
    method: 'POST',
    token: await tokenFor(email),
    body,
  });
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  for (const email of [LEAD, OTHER_LEAD]) await tokenFor(email);
});
beforeEach(async () => {
  await db.notification.deleteMany();
});

describe('GET /api/v1/notifications', () => {
  it('answers the caller’s own notifications, newest first, with how many are unread', async () => {
    await notify(LEAD, [{ title: 'newest' }, { title: 'middle', read: true }, { title: 'oldest' }]);
    await notify(OTHER_LEAD, [{ title: 'someone else’s' }]);
    const response = await list(LEAD);
    expect(response.status).toBe(200);
    expect(response.body.items.map((item) => item.title)).toEqual(['newest', 'middle', 'oldest']);
    expect(response.body.unreadCount).toBe(2);
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.items[0]).toMatchObject({
      kind: 'message.submitted',
      body: 'About newest',
      link: '/approvals',
      count: 1,
      readAt: null,
    });
  });

  it('answers unread ones only with unread=true, and read ones only with unread=false', async () => {
    await notify(LEAD, [{ title: 'a' }, { title: 'b', read: true }, { title: 'c' }]);
    const unread = await list(LEAD, { unread: 'true' });
    expect(unread.body.items.map((item) => item.title)).toEqual(['a', 'c']);
    const read = await list(LEAD, { unread: 'false' });
    expect(read.body.items.map((item) => item.title)).toEqual(['b']);
  });

  it('puts unread ones first with order=unread_first, each part newest first', async () => {
    await notify(LEAD, [
      { title: 'read new', read: true },
      { title: 'unread new' },
      { title: 'read old', read: true },
      { title: 'unread old' },
    ]);
    const response = await list(LEAD, { order: 'unread_first' });
    expect(response.body.items.map((item) => item.title)).toEqual([
      'unread new',
      'unread old',
      'read new',
      'read old',
    ]);
  });

  it('filters by kind', async () => {
    await notify(LEAD, [
      { title: 'held', kind: 'posts.held', count: 14 },
      { title: 'submitted', kind: 'message.submitted' },
    ]);
    const response = await list(LEAD, { kind: 'posts.held' });
    expect(response.body.items.map((item) => [item.title, item.count])).toEqual([['held', 14]]);
  });

  it.each(['newest', 'unread_first'])(
    'pages through every notification once with the cursor (order=%s)',
    async (order) => {
      const titles = Array.from({ length: 7 }, (_, index) => `n${index}`);
      await notify(
        LEAD,
        titles.map((title, index) => ({ title, read: index % 3 === 0 })),
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string> = { limit: '2', order };
        if (cursor) query.cursor = cursor;
        const response = await list(LEAD, query);
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...response.body.items.map((item) => item.title));
        cursor = response.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect([...seen].sort()).toEqual([...titles].sort());
      expect(new Set(seen).size).toBe(titles.length);
      expect(pages).toBe(4);
    },
  );

  it.each([
    [{ unread: 'yes' }, 'unread'],
    [{ kind: 'post.exploded' }, 'kind'],
    [{ order: 'oldest' }, 'order'],
    [{ limit: '0' }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
  ])('refuses %o with a 400 naming %s', async (query, field) => {
    const response = await list(LEAD, query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(Object.keys(response.body.error.fields ?? {})).toContain(field);
  });

  it('refuses a cursor of another filter with a 400 naming it', async () => {
    await notify(LEAD, [
      { title: 'a', read: true },
      { title: 'b', read: true },
    ]);
    const first = await list(LEAD, { unread: 'false', limit: '1' });
    const response = await list(LEAD, { unread: 'true', cursor: first.body.nextCursor ?? '' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toHaveProperty('cursor');
  });

  it('is refused (401) to nobody', async () => {
    const response = await call<ErrorBody>(listNotifications, '/notifications');
    expect(response.status).toBe(401);
  });
});

describe('POST /api/v1/notifications/read', () => {
  it('marks the named ones read and answers 204, leaving the others unread', async () => {
    const [first, second, third] = await notify(LEAD, [
      { title: 'a' },
      { title: 'b' },
      { title: 'c' },
    ]);
    const response = await read(LEAD, { ids: [first, third] });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const after = await list(LEAD);
    expect(after.body.unreadCount).toBe(1);
    expect(after.body.items.filter((item) => item.readAt === null).map((item) => item.id)).toEqual([
      second,
    ]);
  });

  it('marks all read with all: true, and only the caller’s', async () => {
    await notify(LEAD, [{ title: 'a' }, { title: 'b' }]);
    await notify(OTHER_LEAD, [{ title: 'theirs' }]);
    expect((await read(LEAD, { all: true })).status).toBe(204);
    expect((await list(LEAD)).body.unreadCount).toBe(0);
    expect((await list(OTHER_LEAD)).body.unreadCount).toBe(1);
  });

  it('leaves another person’s notifications untouched when their ids are sent', async () => {
    const [theirs] = await notify(OTHER_LEAD, [{ title: 'theirs' }]);
    const [mine] = await notify(LEAD, [{ title: 'mine' }]);
    const response = await read(LEAD, { ids: [theirs, mine] });
    expect(response.status).toBe(204);
    const row = await db.notification.findUniqueOrThrow({ where: { id: theirs! } });
    expect(row.readAt).toBeNull();
    expect((await list(OTHER_LEAD)).body.unreadCount).toBe(1);
    expect((await list(LEAD)).body.unreadCount).toBe(0);
  });

  it('keeps the time a notification was first read', async () => {
    const [id] = await notify(LEAD, [{ title: 'read long ago', read: true }]);
    const before = await db.notification.findUniqueOrThrow({ where: { id: id! } });
    await read(LEAD, { ids: [id] });
    const after = await db.notification.findUniqueOrThrow({ where: { id: id! } });
    expect(after.readAt).toEqual(before.readAt);
  });

  it.each([
    [{}, 'ids'],
    [{ ids: [] }, 'ids'],
    [{ ids: 'abc' }, 'ids'],
    [{ ids: [''] }, 'ids.0'],
    [{ all: false }, 'all'],
    [{ all: 'true' }, 'all'],
    [{ ids: ['abc'], all: true }, 'all'],
    [{ all: true, everything: true }, 'everything'],
    [['abc'], 'body'],
  ])('refuses %j with a 400 naming %s, and changes nothing', async (body, field) => {
    await notify(LEAD, [{ title: 'a' }]);
    const before = await everyTableRowCount();
    const response = await read(LEAD, body);
    expect(response.status).toBe(400);
    const error = (response.body as ErrorBody).error;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect((await list(LEAD)).body.unreadCount).toBe(1);
    expect(await everyTableRowCount()).toEqual(before);
  });

  it('is refused (401) to nobody, and changes nothing', async () => {
    await notify(LEAD, [{ title: 'a' }]);
    const response = await call<ErrorBody>(markRead, '/notifications/read', {
      method: 'POST',
      body: { all: true },
    });
    expect(response.status).toBe(401);
    expect((await list(LEAD)).body.unreadCount).toBe(1);
  });
});

describe('marking unread again (the notifications page)', () => {
  it('marks the caller’s own read notification unread, and never another person’s', async () => {
    const [mine] = await notify(LEAD, [{ title: 'mine', read: true }]);
    const [theirs] = await notify(OTHER_LEAD, [{ title: 'theirs', read: true }]);
    const lead = await actorFor(LEAD);
    expect(await markUnread(lead.actor, [mine!, theirs!])).toBe(1);
    expect((await list(LEAD)).body.unreadCount).toBe(1);
    expect((await list(OTHER_LEAD)).body.unreadCount).toBe(0);
  });
});
