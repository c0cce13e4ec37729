import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import {
  type FanOutChannel,
  type FanOutRequest,
  checkFanOut,
  checkPlannedPosts,
  organisationsWithoutChannels,
  planFanOut,
} from './fan-out';

const lancs = { id: 'org-lancs', slug: 'lancashire', name: 'Lancashire Constabulary' };
const mersey = { id: 'org-mersey', slug: 'merseyside', name: 'Merseyside Police' };
const cumbria = { id: 'org-cumbria', slug: 'cumbria' };
const rocu = { id: 'org-rocu', slug: 'nw-rocu', name: 'NW ROCU' };

const channels: FanOutChannel[] = [
  { id: 'ch-lancs-fb', organisationId: lancs.id, platform: 'facebook' },
  { id: 'ch-lancs-x', organisationId: lancs.id, platform: 'x' },
  { id: 'ch-mersey-ig', organisationId: mersey.id, platform: 'instagram' },
  { id: 'ch-mersey-x', organisationId: mersey.id, platform: 'x' },
  { id: 'ch-cumbria-fb', organisationId: cumbria.id, platform: 'facebook' },
  { id: 'ch-rocu-x', organisationId: rocu.id, platform: 'x' },
  { id: 'ch-other-x', organisationId: 'org-not-chosen', platform: 'x' },
];

const nine = new Date('2026-05-12T08:00:00Z'); // 09:00 BST
const plus = (minutes: number) => new Date(nine.getTime() + minutes * 60_000);

function request(overrides: Partial<FanOutRequest> = {}): FanOutRequest {
  return {
    organisations: [lancs, mersey, cumbria, rocu],
    channels,
    startAt: nine,
    staggerMinutes: 10,
    ...overrides,
  };
}

describe('planFanOut', () => {
  it('staggers organisations in the order given and keeps each one on one time', () => {
    expect(planFanOut(request())).toEqual([
      { channelId: 'ch-lancs-x', organisationId: lancs.id, platform: 'x', scheduledAt: nine },
      {
        channelId: 'ch-lancs-fb',
        organisationId: lancs.id,
        platform: 'facebook',
        scheduledAt: nine,
      },
      { channelId: 'ch-mersey-x', organisationId: mersey.id, platform: 'x', scheduledAt: plus(10) },
      {
        channelId: 'ch-mersey-ig',
        organisationId: mersey.id,
        platform: 'instagram',
        scheduledAt: plus(10),
      },
      {
        channelId: 'ch-cumbria-fb',
        organisationId: cumbria.id,
        platform: 'facebook',
        scheduledAt: plus(20),
      },
      { channelId: 'ch-rocu-x', organisationId: rocu.id, platform: 'x', scheduledAt: plus(30) },
    ]);
  });

  it('follows the order the organisations are given in', () => {
    const planned = planFanOut(request({ organisations: [rocu, lancs] }));
    expect(planned.map((post) => [post.channelId, post.scheduledAt])).toEqual([
      ['ch-rocu-x', nine],
      ['ch-lancs-x', plus(10)],
      ['ch-lancs-fb', plus(10)],
    ]);
  });

  it('keeps only the chosen platforms, and an organisation without one takes no slot', () => {
    const planned = planFanOut(request({ platforms: ['x'] }));
    expect(planned.map((post) => [post.channelId, post.scheduledAt])).toEqual([
      ['ch-lancs-x', nine],
      ['ch-mersey-x', plus(10)],
      // Cumbria has no X channel, so NW ROCU moves up into its slot.
      ['ch-rocu-x', plus(20)],
    ]);
  });

  it('puts everyone on the same minute when the stagger is zero', () => {
    const times = planFanOut(request({ staggerMinutes: 0 })).map((post) => post.scheduledAt);
    expect(new Set(times.map(Number))).toEqual(new Set([nine.getTime()]));
  });

  it('allows a stagger of up to a day', () => {
    const planned = planFanOut(request({ staggerMinutes: 1440, organisations: [lancs, rocu] }));
    expect(planned.at(-1)?.scheduledAt).toEqual(new Date('2026-05-13T08:00:00Z'));
  });

  it('staggers in real minutes across the night the clocks go forward', () => {
    const startAt = new Date('2026-03-29T00:50:00Z'); // 00:50 GMT
    const planned = planFanOut(request({ startAt, organisations: [lancs, rocu] }));
    // The next slot is 10 minutes later in real time: 01:00 UTC, which reads 02:00 BST.
    expect(planned.at(-1)?.scheduledAt).toEqual(new Date('2026-03-29T01:00:00Z'));
  });

  it('ignores channels of organisations that were not chosen', () => {
    const planned = planFanOut(request());
    expect(planned.some((post) => post.channelId === 'ch-other-x')).toBe(false);
  });

  it('plans a repeated organisation or channel once, so nothing goes out twice', () => {
    const doubled = request({
      organisations: [lancs, lancs, rocu],
      channels: [...channels, ...channels],
    });
    expect(planFanOut(doubled)).toEqual(planFanOut(request({ organisations: [lancs, rocu] })));
  });

  it('plans nothing when no organisation has a chosen channel', () => {
    expect(planFanOut(request({ platforms: ['nextdoor'] }))).toEqual([]);
  });

  it.each([-1, 1.5, 1441, Number.NaN])('refuses a stagger of %s minutes', (staggerMinutes) => {
    expect(() => planFanOut(request({ staggerMinutes }))).toThrow(RangeError);
  });

  it('refuses an invalid start time', () => {
    expect(() => planFanOut(request({ startAt: new Date(Number.NaN) }))).toThrow(RangeError);
  });
});

describe('organisationsWithoutChannels', () => {
  it('names the organisations that will not post, once each', () => {
    const fanOut = request({ organisations: [lancs, cumbria, cumbria], platforms: ['x'] });
    expect(organisationsWithoutChannels(fanOut)).toEqual([cumbria]);
    expect(organisationsWithoutChannels(request())).toEqual([]);
  });
});

describe('checkFanOut', () => {
  const now = new Date('2026-05-12T07:00:00Z');

  it('finds nothing wrong with a good request', () => {
    expect(checkFanOut(request(), now)).toEqual([]);
  });

  it('says when no organisation has a channel on the chosen platforms', () => {
    expect(checkFanOut(request({ platforms: ['nextdoor', 'threads'] }), now)).toEqual([
      {
        code: 'no_channels',
        field: 'platforms',
        message: 'None of the chosen organisations has a channel on the chosen platforms.',
      },
    ]);
  });

  it('says when the chosen organisations have no channels at all', () => {
    expect(checkFanOut(request({ organisations: [{ id: 'org-new', slug: 'new' }] }), now)).toEqual([
      {
        code: 'no_channels',
        field: 'organisations',
        message: 'None of the chosen organisations has a channel to publish on.',
      },
    ]);
  });

  it('says when the start time has passed, in UK time', () => {
    const later = new Date('2026-05-12T08:05:00Z');
    expect(checkFanOut(request(), later)).toEqual([
      {
        code: 'in_the_past',
        field: 'startAt',
        message: 'Tue 12 May 2026, 09:00 BST has already passed. Choose a later time.',
      },
    ]);
  });

  it('treats the current minute as now, not the past', () => {
    expect(checkFanOut(request(), new Date('2026-05-12T08:00:40Z'))).toEqual([]);
    expect(checkFanOut(request(), new Date('2026-05-12T08:01:00Z'))).toEqual([]);
    expect(checkFanOut(request(), new Date('2026-05-12T08:01:01Z'))).toHaveLength(1);
  });

  it('says when an organisation is chosen twice, by name or slug', () => {
    const problems = checkFanOut(request({ organisations: [lancs, cumbria, lancs, cumbria] }), now);
    expect(problems).toEqual([
      {
        code: 'duplicate_organisation',
        field: 'organisations.2',
        message: 'Lancashire Constabulary is chosen twice.',
      },
      {
        code: 'duplicate_organisation',
        field: 'organisations.3',
        message: 'cumbria is chosen twice.',
      },
    ]);
  });
});

describe('checkPlannedPosts', () => {
  const now = new Date('2026-05-12T07:00:00Z');

  it('finds nothing wrong with distinct future posts', () => {
    const posts = [
      { channelId: 'a', scheduledAt: nine },
      { channelId: 'a', scheduledAt: plus(1) },
      { channelId: 'b', scheduledAt: nine },
    ];
    expect(checkPlannedPosts(posts, now)).toEqual([]);
  });

  it('refuses the same channel twice in the same minute', () => {
    const posts = [
      { channelId: 'a', scheduledAt: nine },
      { channelId: 'b', scheduledAt: nine },
      { channelId: 'a', scheduledAt: new Date(nine.getTime() + 30_000) },
    ];
    expect(checkPlannedPosts(posts, now)).toEqual([
      {
        code: 'duplicate_post',
        field: 'targets.2',
        message: 'Post 3 repeats post 1: the same channel at Tue 12 May 2026, 09:00 BST.',
      },
    ]);
  });

  it('names each post whose time has passed', () => {
    const posts = [
      { channelId: 'a', scheduledAt: new Date('2026-05-12T06:00:00Z') },
      { channelId: 'b', scheduledAt: nine },
    ];
    expect(checkPlannedPosts(posts, now)).toEqual([
      {
        code: 'in_the_past',
        field: 'targets.0.scheduledAt',
        message: 'Tue 12 May 2026, 07:00 BST has already passed. Choose a later time.',
      },
    ]);
  });
});

// Random campaigns: up to 8 organisations, each with channels on random platforms.
const campaigns = fc
  .record({
    organisationCount: fc.integer({ min: 1, max: 8 }),
    channels: fc.array(
      fc.record({ organisation: fc.nat(9), platform: fc.constantFrom(...PLATFORMS) }),
      { maxLength: 30 },
    ),
    platforms: fc.option(fc.uniqueArray(fc.constantFrom(...PLATFORMS), { minLength: 1 }), {
      nil: undefined,
    }),
    staggerMinutes: fc.integer({ min: 0, max: 1440 }),
    seed: fc.integer(),
  })
  .map(({ organisationCount, channels: drawn, platforms, staggerMinutes, seed }) => {
    const organisations = Array.from({ length: organisationCount }, (_, i) => ({
      id: `org-${(i * 7 + seed) % 10}-${i}`,
      slug: `org-${i}`,
    }));
    const ids = organisations.map((organisation) => organisation.id);
    const channelList: FanOutChannel[] = drawn.map((channel, i) => ({
      id: `ch-${i}`,
      organisationId: ids[channel.organisation] ?? 'org-not-chosen',
      platform: channel.platform,
    }));
    return { organisations, channels: channelList, platforms, staggerMinutes, startAt: nine };
  });

describe('planFanOut properties', () => {
  it('plans each chosen channel exactly once, on its organisation’s slot', () => {
    fc.assert(
      fc.property(campaigns, (fanOut) => {
        const planned = planFanOut(fanOut);
        const wanted = new Set<Platform>(fanOut.platforms ?? PLATFORMS);
        const chosen = new Set(fanOut.organisations.map((organisation) => organisation.id));
        const expectedChannels = fanOut.channels
          .filter((channel) => chosen.has(channel.organisationId) && wanted.has(channel.platform))
          .map((channel) => channel.id);
        expect(planned.map((post) => post.channelId).sort()).toEqual(expectedChannels.sort());

        // Slots run 0, 1, 2, … in the order of the organisations that post.
        const posting = fanOut.organisations
          .map((organisation) => organisation.id)
          .filter((id) => planned.some((post) => post.organisationId === id));
        for (const post of planned) {
          const slot = posting.indexOf(post.organisationId);
          expect(post.scheduledAt.getTime()).toBe(
            nine.getTime() + slot * fanOut.staggerMinutes * 60_000,
          );
        }
        // Organisations appear in the order given, never interleaved.
        const order = planned.map((post) => post.organisationId);
        expect(order.filter((id, i) => order[i - 1] !== id)).toEqual(posting);
      }),
    );
  });

  it('gives the same plan whatever order the channels arrive in', () => {
    fc.assert(
      fc.property(campaigns, fc.integer(), (fanOut, salt) => {
        const shuffled = [...fanOut.channels].sort((a, b) => hash(a.id, salt) - hash(b.id, salt));
        expect(planFanOut({ ...fanOut, channels: shuffled })).toEqual(planFanOut(fanOut));
      }),
    );
  });

  it('never plans anything checkPlannedPosts would call a duplicate', () => {
    fc.assert(
      fc.property(campaigns, (fanOut) => {
        const problems = checkPlannedPosts(planFanOut(fanOut), nine);
        expect(problems).toEqual([]);
      }),
    );
  });
});

function hash(text: string, salt: number): number {
  let h = salt | 0;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 0x5bd1e995) | 0;
  return h;
}
