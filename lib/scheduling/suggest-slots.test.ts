import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlackoutFacts, PauseFacts } from './holds';
import { holdReason } from './holds';
import { resolveLocalTime, toLocalParts } from './london-time';
import {
  DEFAULT_POSTING_TIMES,
  MIN_LEAD_MINUTES,
  suggestSlots,
  usualTimes,
  type SlotRequest,
} from './suggest-slots';

const t = (iso: string) => new Date(iso);
const post = { organisationId: 'org-lancs', channelId: 'ch-lancs-x', campaignId: 'camp-spring' };
// Tuesday 1 December 2026, 09:00 GMT.
const now = t('2026-12-01T09:00:00Z');

/** Posts at these UK times of day on the days before `now`. */
function habit(times: string[], days = 4): Date[] {
  const out: Date[] = [];
  for (let day = 1; day <= days; day += 1) {
    const date = `2026-11-${String(30 - day).padStart(2, '0')}`;
    for (const time of times) {
      const resolved = resolveLocalTime({ date, time });
      if (resolved.kind === 'ok') out.push(resolved.instant);
    }
  }
  return out;
}

const ask = (overrides: Partial<SlotRequest> = {}) =>
  suggestSlots({ history: [], busy: [], pauses: [], blackouts: [], post, now, ...overrides });

describe('usual times', () => {
  it('falls back to the campaign defaults when the organisation has too little history', () => {
    expect(usualTimes(habit(['10:00'], 2))).toEqual({
      times: [...DEFAULT_POSTING_TIMES],
      basis: 'defaults',
    });
  });

  it("reads the organisation's most frequent times, to the quarter hour, in UK time", () => {
    const history = [...habit(['07:29', '17:02'], 4), ...habit(['21:40'], 1)];
    expect(usualTimes(history)).toEqual({ times: ['07:30', '17:00'], basis: 'history' });
  });

  it('reads a summer habit in BST, not UTC', () => {
    // 12:30 BST is 11:30 UTC.
    const summer = [
      '2026-07-01',
      '2026-07-02',
      '2026-07-03',
      '2026-07-06',
      '2026-07-07',
      '2026-07-08',
    ];
    expect(usualTimes(summer.map((day) => t(`${day}T11:30:00Z`))).times).toEqual(['12:30']);
  });
});

describe('suggested slots', () => {
  it('offers the next usual times, soonest first, with the reason', () => {
    const slots = ask({ history: habit(['12:30', '18:00'], 4) });
    expect(slots.map((slot) => [slot.label, slot.reason])).toEqual([
      ['Tue 1 Dec, 12:30', 'your usual 12:30'],
      ['Tue 1 Dec, 18:00', 'your usual 18:00'],
      ['Wed 2 Dec, 12:30', 'your usual 12:30'],
    ]);
  });

  it('uses the defaults with no history, and never a time that has passed', () => {
    const slots = ask({ now: t('2026-12-01T12:20:00Z') });
    // 12:30 is only ten minutes away: too soon to click.
    expect(slots.map((slot) => slot.label)).toEqual([
      'Tue 1 Dec, 19:00',
      'Wed 2 Dec, 08:00',
      'Wed 2 Dec, 12:30',
    ]);
    expect(slots[0]?.reason).toBe('a good time for campaign posts');
  });

  it('skips a blackout and a pause, and keeps its distance from the channel’s other posts', () => {
    const blackouts: BlackoutFacts[] = [
      {
        id: 'b1',
        organisationId: 'org-lancs',
        startsAt: t('2026-12-01T18:00:00Z'),
        endsAt: t('2026-12-02T10:00:00Z'),
        reason: 'Court case',
      },
    ];
    const pauses: PauseFacts[] = [
      {
        id: 'p1',
        scope: 'campaign',
        campaignId: 'camp-spring',
        reason: 'Review',
        startsAt: t('2026-12-02T11:00:00Z'),
        endsAt: t('2026-12-02T13:00:00Z'),
      },
    ];
    const slots = ask({ blackouts, pauses, busy: [t('2026-12-01T13:30:00Z')] });
    expect(slots.map((slot) => slot.label)).toEqual([
      'Wed 2 Dec, 19:00',
      'Thu 3 Dec, 08:00',
      'Thu 3 Dec, 12:30',
    ]);
  });

  it('offers nothing while a pause without an end covers the channel', () => {
    const pauses: PauseFacts[] = [
      { id: 'p', scope: 'channel', channelId: 'ch-lancs-x', reason: 'Hacked', startsAt: now },
    ];
    expect(ask({ pauses })).toEqual([]);
  });

  it("stays within the campaign's dates", () => {
    const slots = ask({
      notBefore: t('2026-12-05T00:00:00Z'),
      notAfter: t('2026-12-05T13:00:00Z'),
    });
    expect(slots.map((slot) => slot.label)).toEqual(['Sat 5 Dec, 08:00', 'Sat 5 Dec, 12:30']);
  });

  it('never offers the hour the clocks skip, nor the one they repeat', () => {
    const history = habit(['01:30', '01:30', '10:00'], 4);
    // Saturday 27 March 2027, noon: the clocks go forward at 01:00 on the Sunday.
    const spring = ask({ history, now: t('2027-03-27T12:00:00Z') });
    expect(spring.some((slot) => slot.date === '2027-03-28' && slot.time === '01:30')).toBe(false);
    const autumn = ask({ history, now: t('2026-10-24T12:00:00Z') });
    expect(autumn.some((slot) => slot.date === '2026-10-25' && slot.time === '01:30')).toBe(false);
    expect(autumn.some((slot) => slot.date === '2026-10-25' && slot.time === '10:00')).toBe(true);
  });
});

// Around both clocks changes of 2027 and everything between.
const instant = fc.date({
  min: t('2026-10-20T00:00:00Z'),
  max: t('2027-04-05T00:00:00Z'),
  noInvalidDate: true,
});
const window = fc.tuple(instant, fc.integer({ min: 1, max: 72 * 60 })).map(([start, minutes]) => ({
  startsAt: start,
  endsAt: new Date(start.getTime() + minutes * 60_000),
}));

const request = fc.record({
  now: instant,
  history: fc.array(instant, { maxLength: 40 }),
  busy: fc.array(instant, { maxLength: 20 }),
  blackouts: fc.array(
    window.map((w) => ({ ...w, id: 'b', organisationId: 'org-lancs', reason: 'Blackout' })),
    { maxLength: 5 },
  ),
  pauses: fc.array(
    fc
      .tuple(
        window,
        fc.constantFrom('global', 'organisation', 'channel', 'campaign' as const),
        fc.boolean(),
      )
      .map(([w, scope, ends]): PauseFacts => ({
        id: 'p',
        scope,
        organisationId: 'org-lancs',
        channelId: 'ch-lancs-x',
        campaignId: 'camp-spring',
        reason: 'Pause',
        startsAt: w.startsAt,
        endsAt: ends ? w.endsAt : null,
      })),
    { maxLength: 3 },
  ),
  spacingMinutes: fc.integer({ min: 0, max: 600 }),
  count: fc.integer({ min: 1, max: 6 }),
});

describe('whatever the facts', () => {
  it('a suggestion is never in a blackout or pause, never past, always spaced and a real UK time', () => {
    fc.assert(
      fc.property(request, (facts) => {
        const slots = suggestSlots({ ...facts, post });
        expect(slots.length).toBeLessThanOrEqual(facts.count);
        for (const slot of slots) {
          expect(slot.at.getTime()).toBeGreaterThanOrEqual(
            facts.now.getTime() + MIN_LEAD_MINUTES * 60_000,
          );
          expect(
            holdReason({
              pauses: facts.pauses,
              blackouts: facts.blackouts,
              post: { ...post, scheduledAt: slot.at },
              now: facts.now,
            }),
          ).toBeNull();
          for (const other of facts.busy) {
            expect(Math.abs(other.getTime() - slot.at.getTime())).toBeGreaterThanOrEqual(
              facts.spacingMinutes * 60_000,
            );
          }
          // The wall-clock time names exactly this instant, and only it.
          expect(resolveLocalTime({ date: slot.date, time: slot.time })).toEqual({
            kind: 'ok',
            instant: slot.at,
          });
          expect(toLocalParts(slot.at)).toEqual({ date: slot.date, time: slot.time });
        }
        const times = slots.map((slot) => slot.at.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('with nothing in the way, always has something to offer', () => {
    fc.assert(
      fc.property(instant, fc.array(instant, { maxLength: 40 }), (at, history) => {
        expect(ask({ now: at, history }).length).toBe(3);
      }),
    );
  });
});
