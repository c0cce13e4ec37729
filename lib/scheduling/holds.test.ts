import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BlackoutFacts,
  type HoldReason,
  type PauseFacts,
  type PostFacts,
  PAUSE_SCOPES,
  PauseFacts as PauseSchema,
  describeHold,
  holdReason,
  holdReasons,
} from './holds';

const t = (iso: string) => new Date(iso);
const now = t('2026-05-12T07:00:00Z'); // 08:00 BST
const post: PostFacts = {
  organisationId: 'org-lancs',
  channelId: 'ch-lancs-x',
  campaignId: 'camp-spring',
  scheduledAt: t('2026-05-12T08:00:00Z'), // 09:00 BST
};

function pause(overrides: Partial<PauseFacts> = {}): PauseFacts {
  return {
    id: 'pause-1',
    scope: 'global',
    reason: 'Major incident',
    startsAt: t('2026-05-12T06:00:00Z'),
    ...overrides,
  };
}

function blackout(overrides: Partial<BlackoutFacts> = {}): BlackoutFacts {
  return {
    id: 'blackout-1',
    organisationId: 'org-lancs',
    startsAt: t('2026-05-12T00:00:00Z'),
    endsAt: t('2026-05-13T00:00:00Z'),
    reason: 'Pre-election period',
    ...overrides,
  };
}

const held = (pauses: PauseFacts[], blackouts: BlackoutFacts[] = [], facts = { post, now }) =>
  holdReason({ pauses, blackouts, ...facts });

describe('pauses, scope by scope', () => {
  it.each([
    ['global', {}],
    ['organisation', { organisationId: 'org-lancs' }],
    ['channel', { channelId: 'ch-lancs-x' }],
    ['campaign', { campaignId: 'camp-spring' }],
  ] as const)('a %s pause that covers the post holds it', (scope, ids) => {
    expect(held([pause({ scope, ...ids })])).toEqual({
      kind: 'pause',
      id: 'pause-1',
      scope,
      reason: 'Major incident',
      until: null,
    });
  });

  it.each([
    ['organisation', { organisationId: 'org-mersey' }],
    ['channel', { channelId: 'ch-lancs-fb' }],
    ['campaign', { campaignId: 'camp-autumn' }],
  ] as const)('a %s pause for something else lets the post go', (scope, ids) => {
    expect(held([pause({ scope, ...ids })])).toBeNull();
  });

  it('a channel pause names the channel, not the organisation', () => {
    // Another force's channel pause must not hold this force's post, even on the same platform.
    expect(held([pause({ scope: 'channel', organisationId: 'org-lancs', channelId: 'x' })])).toBe(
      null,
    );
  });
});

describe('pauses over time', () => {
  it('holds while the pause runs at the post’s time, and says until when', () => {
    const endsAt = t('2026-05-12T09:00:00Z');
    expect(held([pause({ endsAt })])?.until).toEqual(endsAt);
  });

  it('lets the post go when the pause ends at or before its time', () => {
    expect(held([pause({ endsAt: post.scheduledAt })])).toBeNull();
    expect(held([pause({ endsAt: t('2026-05-12T07:30:00Z') })])).toBeNull();
  });

  it('holds a post due after a pause that is set to start before it', () => {
    expect(held([pause({ startsAt: t('2026-05-12T07:30:00Z') })])).not.toBeNull();
    expect(held([pause({ startsAt: post.scheduledAt })])).not.toBeNull();
  });

  it('lets a post go before a pause starts', () => {
    expect(held([pause({ startsAt: t('2026-05-12T08:00:01Z') })])).toBeNull();
  });

  it('never holds with a lifted pause, even one lifted a moment "in the future"', () => {
    expect(held([pause({ liftedAt: t('2026-05-12T06:30:00Z') })])).toBeNull();
    expect(held([pause({ liftedAt: t('2026-05-12T07:00:01Z') })])).toBeNull();
  });

  it('judges an overdue post at now: a pause that ended before now lets it go', () => {
    const overdue = { post: { ...post, scheduledAt: t('2026-05-12T05:00:00Z') }, now };
    expect(held([pause({ endsAt: t('2026-05-12T06:30:00Z') })], [], overdue)).toBeNull();
    expect(held([pause()], [], overdue)).not.toBeNull();
  });

  it('matches nothing with a scoped pause that does not say what it covers', () => {
    expect(held([pause({ scope: 'organisation' })])).toBeNull();
    expect(PauseSchema.safeParse(pause({ scope: 'organisation' })).success).toBe(false);
    expect(
      PauseSchema.safeParse(pause({ scope: 'organisation', organisationId: 'o' })).success,
    ).toBe(true);
    expect(PauseSchema.safeParse(pause({ organisationId: null, endsAt: null })).success).toBe(true);
  });
});

describe('blackouts', () => {
  it('holds a post of the organisation whose time falls in the blackout', () => {
    expect(held([], [blackout()])).toEqual({
      kind: 'blackout',
      id: 'blackout-1',
      scope: 'organisation',
      reason: 'Pre-election period',
      until: t('2026-05-13T00:00:00Z'),
    });
  });

  it('lets other organisations’ posts go', () => {
    expect(held([], [blackout({ organisationId: 'org-mersey' })])).toBeNull();
  });

  it('runs from its start up to, not including, its end', () => {
    expect(held([], [blackout({ startsAt: post.scheduledAt })])).not.toBeNull();
    expect(held([], [blackout({ endsAt: post.scheduledAt })])).toBeNull();
  });

  it('holds a post due before the blackout if it would go out during it', () => {
    const late = { post: { ...post, scheduledAt: t('2026-05-11T20:00:00Z') }, now };
    expect(held([], [blackout()], late)).not.toBeNull();
  });

  it('lets a post due after the blackout go, though the blackout runs now', () => {
    const after = { post: { ...post, scheduledAt: t('2026-05-13T09:00:00Z') }, now };
    expect(held([], [blackout()], after)).toBeNull();
  });
});

describe('several holds at once', () => {
  it('lists the broadest pause first, then blackouts by start', () => {
    const reasons = holdReasons({
      pauses: [
        pause({ id: 'p-campaign', scope: 'campaign', campaignId: 'camp-spring' }),
        pause({ id: 'p-global' }),
        pause({ id: 'p-org', scope: 'organisation', organisationId: 'org-lancs' }),
      ],
      blackouts: [
        blackout({ id: 'b-late', startsAt: t('2026-05-12T06:00:00Z') }),
        blackout({ id: 'b-early' }),
      ],
      post,
      now,
    });
    expect(reasons.map((reason) => reason.id)).toEqual([
      'p-global',
      'p-org',
      'p-campaign',
      'b-early',
      'b-late',
    ]);
  });

  it('answers null when nothing holds the post', () => {
    expect(holdReason({ pauses: [], blackouts: [], post, now })).toBeNull();
  });
});

describe('describeHold', () => {
  const names = {
    organisation: 'Lancashire Constabulary',
    channel: 'Lancashire Constabulary on X (@LancsPolice)',
    campaign: 'Stop it Now! spring 2026',
  };
  const reason = (overrides: Partial<HoldReason>): HoldReason => ({
    kind: 'pause',
    id: 'p',
    scope: 'global',
    reason: 'Major incident in Preston',
    until: null,
    ...overrides,
  });

  it.each([
    ['global', 'Paused for every organisation: Major incident in Preston'],
    ['organisation', 'Paused for all of Lancashire Constabulary: Major incident in Preston'],
    ['channel', 'Paused on Lancashire Constabulary on X (@LancsPolice): Major incident in Preston'],
    ['campaign', 'Paused for the campaign Stop it Now! spring 2026: Major incident in Preston'],
  ] as const)('puts a %s pause into words', (scope, words) => {
    expect(describeHold(reason({ scope }), names)).toBe(words);
  });

  it('says when a hold ends, in UK time', () => {
    const blackoutReason = reason({
      kind: 'blackout',
      scope: 'organisation',
      reason: 'Pre-election period',
      until: t('2026-05-07T21:00:00Z'),
    });
    expect(describeHold(blackoutReason, names)).toBe(
      'Blackout for Lancashire Constabulary until Thu 7 May 2026, 22:00 BST: Pre-election period',
    );
  });

  it('still reads well without names or a reason', () => {
    expect(describeHold(reason({ scope: 'channel', reason: '  ' }))).toBe(
      'Paused on this channel.',
    );
    expect(describeHold(reason({ scope: 'organisation' }))).toBe(
      'Paused for all of this organisation: Major incident in Preston',
    );
  });
});

// Random pauses and blackouts within a day either side of the post.
const around = fc
  .integer({ min: -24 * 60, max: 24 * 60 })
  .map((minutes) => new Date(post.scheduledAt.getTime() + minutes * 60_000));
const ids = fc.constantFrom('org-lancs', 'org-mersey', 'ch-lancs-x', 'camp-spring', 'other');
const pauses = fc.array(
  fc.record({
    id: fc.uuid(),
    scope: fc.constantFrom(...PAUSE_SCOPES),
    organisationId: ids,
    channelId: ids,
    campaignId: ids,
    reason: fc.string(),
    startsAt: around,
    endsAt: fc.option(around, { nil: null }),
    liftedAt: fc.option(around, { nil: null }),
  }),
  { maxLength: 6 },
);
const blackouts = fc.array(
  fc
    .record({
      id: fc.uuid(),
      organisationId: ids,
      startsAt: around,
      endsAt: around,
      reason: fc.string(),
    })
    .map((b) => (b.endsAt < b.startsAt ? { ...b, startsAt: b.endsAt, endsAt: b.startsAt } : b)),
  { maxLength: 4 },
);

describe('hold properties', () => {
  it('never holds a post with a lifted pause', () => {
    fc.assert(
      fc.property(pauses, around, (list, at) => {
        const lifted = list.map((p) => ({ ...p, liftedAt: at }));
        expect(holdReasons({ pauses: lifted, blackouts: [], post, now })).toEqual([]);
      }),
    );
  });

  it('never lets a post go because more pauses or blackouts were added', () => {
    fc.assert(
      fc.property(pauses, pauses, blackouts, blackouts, around, (p1, p2, b1, b2, at) => {
        const before = holdReasons({ pauses: p1, blackouts: b1, post, now: at });
        const after = holdReasons({
          pauses: [...p1, ...p2],
          blackouts: [...b1, ...b2],
          post,
          now: at,
        });
        const afterIds = new Set(after.map((reason) => reason.id));
        expect(before.every((reason) => afterIds.has(reason.id))).toBe(true);
      }),
    );
  });

  it('gives the same answer whatever order the facts arrive in', () => {
    fc.assert(
      fc.property(pauses, blackouts, around, (p, b, at) => {
        const forwards = holdReasons({ pauses: p, blackouts: b, post, now: at });
        const backwards = holdReasons({
          pauses: [...p].reverse(),
          blackouts: [...b].reverse(),
          post,
          now: at,
        });
        expect(backwards).toEqual(forwards);
      }),
    );
  });

  it('holds every post with an open, unlifted global pause that has started', () => {
    fc.assert(
      fc.property(around, around, (startsAt, at) => {
        fc.pre(startsAt <= at);
        expect(held([pause({ startsAt })], [], { post, now: at })).not.toBeNull();
      }),
    );
  });
});
