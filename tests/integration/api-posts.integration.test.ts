// The schedule, posts and pauses routes of API.md: the clocks-change days, who may do what,
// and bad input answered with a clear 4xx and nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as schedule } from '@/app/api/v1/messages/[id]/schedule/route';
import { DELETE as liftPause } from '@/app/api/v1/pauses/[id]/route';
import { DELETE as removeBlackout } from '@/app/api/v1/blackouts/[id]/route';
import { GET as listBlackouts, POST as blackout } from '@/app/api/v1/blackouts/route';
import { GET as listPauses, POST as pause } from '@/app/api/v1/pauses/route';
import { POST as release } from '@/app/api/v1/posts/[id]/release/route';
import { POST as retry } from '@/app/api/v1/posts/[id]/retry/route';
import {
  DELETE as cancel,
  GET as getPost,
  PATCH as reschedule,
} from '@/app/api/v1/posts/[id]/route';
import { GET as listPosts } from '@/app/api/v1/posts/route';
import { db } from '@/lib/db';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { approvedMessage, channelOf } from '../support/fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Posts = {
  posts: { id: string; scheduledAt: string; status: string; organisationId: string }[];
};

let messageId: string;
const later = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  messageId = (await approvedMessage({ shareable: false })).id;
});

async function scheduleAs(email: string, body: unknown, id = messageId) {
  return call<Posts & ErrorBody>(schedule, `/messages/${id}/schedule`, {
    token: await tokenFor(email),
    params: { id },
    body,
  });
}

describe('the clocks-change days', () => {
  it('refuses 01:30 on the last Sunday of March: it does not exist in UK time', async () => {
    const channel = await channelOf('lancashire', 'x');
    const response = await scheduleAs('lead@nw-rocu.example', {
      targets: [{ channelId: channel.id, scheduledAt: { date: '2027-03-28', time: '01:30' } }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/does not exist in UK time/);
    expect(response.body.error.fields?.['targets.0.scheduledAt']).toBeDefined();
  });

  it('asks which 01:30 is meant on the last Sunday of October, and takes the answer', async () => {
    const channel = await channelOf('lancashire', 'x');
    const asked = await scheduleAs('lead@nw-rocu.example', {
      targets: [{ channelId: channel.id, scheduledAt: { date: '2027-10-31', time: '01:30' } }],
    });
    expect(asked.status).toBe(400);
    expect(asked.body.error.message).toMatch(/happens twice/);
    expect(asked.body.error.fields?.['targets.0.scheduledAt.choice']).toMatch(/earlier.*later/);

    const answered = await scheduleAs('lead@nw-rocu.example', {
      targets: [
        {
          channelId: channel.id,
          scheduledAt: { date: '2027-10-31', time: '01:30', choice: 'later' },
        },
      ],
    });
    expect(answered.status).toBe(201);
    expect(answered.body.posts[0]?.scheduledAt).toBe('2027-10-31T01:30:00.000Z');
  });

  it('reads an API time only with its offset', async () => {
    const channel = await channelOf('lancashire', 'x');
    const response = await scheduleAs('lead@nw-rocu.example', {
      targets: [{ channelId: channel.id, scheduledAt: '2027-06-01T09:00' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/no offset/);
  });
});

describe('who may schedule', () => {
  it('a comms officer schedules on their own force’s channels; another force’s channel is not found', async () => {
    const own = await channelOf('lancashire', 'facebook');
    const other = await channelOf('cumbria', 'facebook');
    expect(
      (
        await scheduleAs('comms@lancashire.example', {
          targets: [{ channelId: own.id, scheduledAt: later(2) }],
        })
      ).status,
    ).toBe(201);
    const response = await scheduleAs('comms@lancashire.example', {
      targets: [{ channelId: other.id, scheduledAt: later(2) }],
    });
    expect(response.status).toBe(404);
  });

  it('a partner may not see a message that is not shareable, and may schedule a shareable one on its own channels', async () => {
    const channel = await channelOf('manchester-city-council', 'x');
    expect(
      (
        await scheduleAs('partner@manchester-city-council.example', {
          targets: [{ channelId: channel.id, scheduledAt: later(2) }],
        })
      ).status,
    ).toBe(404);
    const shareable = await approvedMessage({ shareable: true });
    const ok = await scheduleAs(
      'partner@manchester-city-council.example',
      { targets: [{ channelId: channel.id, scheduledAt: later(2) }] },
      shareable.id,
    );
    expect(ok.status).toBe(201);
  });

  it('a viewer may not schedule, even on their own organisation’s channels', async () => {
    const channel = await channelOf('cumbria', 'x');
    const response = await scheduleAs('viewer@cumbria.example', {
      targets: [{ channelId: channel.id, scheduledAt: later(2) }],
    });
    expect(response.status).toBe(403);
  });

  it('a campaign lead fans out to every force and NW ROCU by default, staggered', async () => {
    const response = await scheduleAs('lead@nw-rocu.example', {
      startAt: later(3),
      staggerMinutes: 10,
      platforms: ['x', 'facebook'],
    });
    expect(response.status).toBe(201);
    const times = new Set(response.body.posts.map((post) => post.scheduledAt));
    expect(times.size).toBe(7);
    // Seven organisations on X and Facebook, and North Wales Police's Welsh accounts beside its
    // English ones (issue 13).
    expect(response.body.posts).toHaveLength(16);
  });
});

describe('bad input to the schedule route: a clear 4xx and nothing written', () => {
  it.each([
    ['malformed JSON', { rawBody: '{"targets": [' }, 400],
    ['an unknown field', { body: { startAt: later(1), sendNow: true } }, 400],
    ['both shapes at once', { body: { targets: [], startAt: later(1) } }, 400],
    ['no targets', { body: { targets: [] } }, 400],
    ['an unknown platform', { body: { startAt: later(1), platforms: ['myspace'] } }, 400],
    ['an unknown organisation', { body: { startAt: later(1), organisations: ['atlantis'] } }, 400],
    ['a time in the past', { body: { startAt: '2020-01-01T09:00:00Z' } }, 400],
    ['a stagger of a week', { body: { startAt: later(1), staggerMinutes: 10_080 } }, 400],
  ])('%s', async (_case, options, status) => {
    const before = await db.post.count();
    const response = await call<ErrorBody>(schedule, `/messages/${messageId}/schedule`, {
      token: await tokenFor('lead@nw-rocu.example'),
      params: { id: messageId },
      ...options,
    });
    expect(response.status).toBe(status);
    expect(response.body.error.message.length).toBeGreaterThan(10);
    expect(await db.post.count()).toBe(before);
  });

  it('an Instagram post without an image refuses the whole request, naming why', async () => {
    const before = await db.post.count();
    const response = await scheduleAs('lead@nw-rocu.example', {
      startAt: later(1),
      organisations: ['lancashire'],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Nothing was scheduled.*Instagram/);
    expect(await db.post.count()).toBe(before);
  });

  it('the same message on the same channel at the same time is refused the second time', async () => {
    const channel = await channelOf('merseyside', 'x');
    const target = { targets: [{ channelId: channel.id, scheduledAt: '2027-02-02T10:00:00Z' }] };
    expect((await scheduleAs('lead@nw-rocu.example', target)).status).toBe(201);
    const again = await scheduleAs('lead@nw-rocu.example', target);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/already scheduled there/);
  });

  it('a message that is not approved cannot be scheduled (409)', async () => {
    const draft = await approvedMessage();
    await db.message.update({ where: { id: draft.id }, data: { status: 'in_review' } });
    const response = await scheduleAs(
      'lead@nw-rocu.example',
      { startAt: later(1), platforms: ['x'] },
      draft.id,
    );
    expect(response.status).toBe(409);
  });

  it('an unknown message is not found', async () => {
    expect((await scheduleAs('lead@nw-rocu.example', { startAt: later(1) }, 'nope')).status).toBe(
      404,
    );
  });
});

describe('posts: read, reschedule, cancel, retry, release', () => {
  it('scopes the list to what the caller may see and filters it', async () => {
    const lancashire = await db.organisation.findUniqueOrThrow({ where: { slug: 'lancashire' } });
    const comms = await call<{ items: { organisationId: string; status: string }[] }>(
      listPosts,
      '/posts',
      {
        token: await tokenFor('comms@lancashire.example'),
        query: { limit: '500' },
      },
    );
    expect(comms.body.items.length).toBeGreaterThan(0);
    expect(comms.body.items.every((post) => post.organisationId === lancashire.id)).toBe(true);
    const filtered = await call<{ items: unknown[] }>(listPosts, '/posts', {
      token: await tokenFor('lead@nw-rocu.example'),
      query: { status: 'published,failed' },
    });
    expect(filtered.body.items).toEqual([]);
    expect(
      (
        await call(listPosts, '/posts', {
          token: await tokenFor('lead@nw-rocu.example'),
          query: { status: 'lost' },
        })
      ).status,
    ).toBe(400);
  });

  it('pages every post once in either order, latest first with order=desc', async () => {
    const token = await tokenFor('lead@nw-rocu.example');
    const walk = async (order: 'asc' | 'desc') => {
      const seen: { id: string; scheduledAt: string }[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await call<{
          items: { id: string; scheduledAt: string }[];
          nextCursor: string | null;
        }>(listPosts, '/posts', {
          token,
          query: { limit: '3', order, ...(cursor ? { cursor } : {}) },
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const soonest = await walk('asc');
    const latest = await walk('desc');
    expect(soonest.length).toBeGreaterThan(6);
    expect(new Set(soonest.map((post) => post.id)).size).toBe(soonest.length);
    expect(latest.map((post) => post.id)).toEqual(soonest.map((post) => post.id).reverse());
    const times = latest.map((post) => post.scheduledAt);
    expect(times).toEqual([...times].sort().reverse());

    const first = await call<{ nextCursor: string }>(listPosts, '/posts', {
      token,
      query: { limit: '2', order: 'desc' },
    });
    const mixed = await call<ErrorBody>(listPosts, '/posts', {
      token,
      query: { limit: '2', cursor: first.body.nextCursor },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toHaveProperty('cursor');
  });

  it('reschedules, refuses a past time, cancels, and refuses to cancel twice', async () => {
    const channel = await channelOf('cheshire', 'x');
    const created = await scheduleAs('comms@cheshire.example', {
      targets: [{ channelId: channel.id, scheduledAt: later(5) }],
    });
    const id = created.body.posts[0]!.id;
    const token = await tokenFor('comms@cheshire.example');
    const moved = await call<{ scheduledAt: string }>(reschedule, `/posts/${id}`, {
      method: 'PATCH',
      token,
      params: { id },
      body: { scheduledAt: '2027-01-05T10:00:00Z' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.scheduledAt).toBe('2027-01-05T10:00:00.000Z');
    expect(
      (
        await call(reschedule, `/posts/${id}`, {
          method: 'PATCH',
          token,
          params: { id },
          body: { scheduledAt: '2020-01-05T10:00:00Z' },
        })
      ).status,
    ).toBe(400);

    expect(
      (
        await call(cancel, `/posts/${id}`, {
          method: 'DELETE',
          token: await tokenFor('comms@lancashire.example'),
          params: { id },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(cancel, `/posts/${id}`, {
          method: 'DELETE',
          token: await tokenFor('viewer@cumbria.example'),
          params: { id },
        })
      ).status,
    ).toBe(404);
    const cancelled = await call<{ status: string }>(cancel, `/posts/${id}`, {
      method: 'DELETE',
      token,
      params: { id },
    });
    expect(cancelled.body.status).toBe('cancelled');
    const again = await call<ErrorBody>(cancel, `/posts/${id}`, {
      method: 'DELETE',
      token,
      params: { id },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/cancelled/);

    const detail = await call<{ publishAttempts: unknown[] }>(getPost, `/posts/${id}`, {
      token,
      params: { id },
    });
    expect(detail.body.publishAttempts).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual([
      'post.scheduled',
      'post.rescheduled',
      'post.cancelled',
    ]);
  });

  it('retry and release answer 409 for a post in the wrong state', async () => {
    const channel = await channelOf('cheshire', 'facebook');
    const created = await scheduleAs('comms@cheshire.example', {
      targets: [{ channelId: channel.id, scheduledAt: later(5) }],
    });
    const id = created.body.posts[0]!.id;
    const token = await tokenFor('comms@cheshire.example');
    expect(
      (await call(retry, `/posts/${id}/retry`, { method: 'POST', token, params: { id } })).status,
    ).toBe(409);
    expect(
      (await call(release, `/posts/${id}/release`, { method: 'POST', token, params: { id } }))
        .status,
    ).toBe(409);
  });
});

describe('who may pause', () => {
  it.each([
    ['comms@lancashire.example', { scope: 'organisation', organisation: 'lancashire' }, 201],
    ['comms@lancashire.example', { scope: 'organisation', organisation: 'cumbria' }, 403],
    ['comms@lancashire.example', { scope: 'global' }, 403],
    [
      'partner@cheshire-east-council.example',
      { scope: 'organisation', organisation: 'cheshire-east-council' },
      403,
    ],
    ['viewer@cumbria.example', { scope: 'organisation', organisation: 'cumbria' }, 403],
    ['lead@nw-rocu.example', { scope: 'global' }, 201],
  ])('%s pausing %o answers %i', async (email, scope, status) => {
    const before = await db.pause.count();
    const response = await call<{ id: string }>(pause, '/pauses', {
      token: await tokenFor(email),
      body: { ...scope, reason: 'Test pause' },
    });
    expect(response.status).toBe(status);
    expect(await db.pause.count()).toBe(before + (status === 201 ? 1 : 0));
    if (status === 201) {
      const lifted = await call(liftPause, `/pauses/${response.body.id}`, {
        method: 'DELETE',
        token: await tokenFor(email),
        params: { id: response.body.id },
      });
      expect(lifted.status).toBe(200);
    }
  });

  it('refuses a pause without a reason, or with a scope it does not name', async () => {
    const token = await tokenFor('lead@nw-rocu.example');
    expect(
      (await call(pause, '/pauses', { token, body: { scope: 'global', reason: '' } })).status,
    ).toBe(400);
    const missing = await call<ErrorBody>(pause, '/pauses', {
      token,
      body: { scope: 'organisation', reason: 'Incident' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('organisation');
    const list = await call<{ items: unknown[] }>(listPauses, '/pauses', {
      token,
      query: { active: 'true' },
    });
    expect(list.body.items).toEqual([]);
  });
});

describe('blackout windows', () => {
  it('a comms officer sets one for their own force; scheduling into it is refused with the reason; it can be removed', async () => {
    const token = await tokenFor('comms@cumbria.example');
    const window = {
      organisation: 'cumbria',
      reason: 'Pre-election period',
      startsAt: '2027-04-10T00:00:00+01:00',
      endsAt: '2027-05-07T00:00:00+01:00',
    };
    expect(
      (
        await call(blackout, '/blackouts', {
          token,
          body: { ...window, organisation: 'lancashire' },
        })
      ).status,
    ).toBe(403);
    const created = await call<{ id: string }>(blackout, '/blackouts', { token, body: window });
    expect(created.status).toBe(201);

    const channel = await channelOf('cumbria', 'facebook');
    const refused = await scheduleAs('comms@cumbria.example', {
      targets: [{ channelId: channel.id, scheduledAt: '2027-04-20T09:00:00+01:00' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/blackout \(Pre-election period\)/);
    expect(
      (
        await scheduleAs('comms@cumbria.example', {
          targets: [{ channelId: channel.id, scheduledAt: '2027-05-08T09:00:00+01:00' }],
        })
      ).status,
    ).toBe(201);

    const listed = await call<{ items: { id: string }[] }>(listBlackouts, '/blackouts', { token });
    expect(listed.body.items.map((item) => item.id)).toContain(created.body.id);
    const removed = await call(removeBlackout, `/blackouts/${created.body.id}`, {
      method: 'DELETE',
      token,
      params: { id: created.body.id },
    });
    expect(removed.status).toBe(200);
  });

  it('a post with several problems is refused with every one of them, not only the last', async () => {
    const token = await tokenFor('lead@nw-rocu.example');
    const created = await call<{ id: string }>(blackout, '/blackouts', {
      token,
      body: {
        organisation: 'cheshire',
        reason: 'Major incident',
        startsAt: '2027-08-01T00:00:00+01:00',
        endsAt: '2027-08-10T00:00:00+01:00',
      },
    });
    const channel = await channelOf('cheshire', 'bluesky');
    const target = {
      targets: [{ channelId: channel.id, scheduledAt: '2027-07-30T09:00:00+01:00' }],
    };
    expect((await scheduleAs('lead@nw-rocu.example', target)).status).toBe(201);
    await db.blackout.update({
      where: { id: created.body.id },
      data: { startsAt: new Date('2027-07-29T00:00:00+01:00') },
    });
    await db.channel.update({ where: { id: channel.id }, data: { status: 'needs_reauth' } });
    try {
      const before = await db.post.count();
      const refused = await scheduleAs('lead@nw-rocu.example', target);
      expect(refused.status).toBe(400);
      const problem = refused.body.error.fields?.['targets.0'] ?? '';
      expect(problem).toMatch(/already scheduled there/);
      expect(problem).toMatch(/needs re-authorising/);
      expect(problem).toMatch(/blackout \(Major incident\)/);
      expect(await db.post.count()).toBe(before);
    } finally {
      await db.channel.update({ where: { id: channel.id }, data: { status: 'active' } });
    }
  });

  it('refuses a window that ends before it starts, or has already ended', async () => {
    const token = await tokenFor('lead@nw-rocu.example');
    const backwards = await call<ErrorBody>(blackout, '/blackouts', {
      token,
      body: {
        organisation: 'cheshire',
        reason: 'Backwards',
        startsAt: '2027-05-01T00:00:00Z',
        endsAt: '2027-04-01T00:00:00Z',
      },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('endsAt');
    const past = await call(blackout, '/blackouts', {
      token,
      body: {
        organisation: 'cheshire',
        reason: 'Over',
        startsAt: '2020-05-01T00:00:00Z',
        endsAt: '2020-06-01T00:00:00Z',
      },
    });
    expect(past.status).toBe(400);
  });
});
