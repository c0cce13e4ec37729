import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLocalParts } from './london-time';
import { MINUTES_PER_DAY, moveBy } from './move-by';

const at = (iso: string) => new Date(iso);
const instantOf = (result: ReturnType<typeof moveBy>) => {
  if (result.kind !== 'ok') throw new Error(result.message);
  return result.instant.toISOString();
};

describe('moveBy across the clocks changes', () => {
  it('keeps 09:00 when a post moves a day over the spring change (a 23-hour day)', () => {
    // Sat 28 Mar 2026 09:00 GMT → Sun 29 Mar 09:00 BST.
    expect(instantOf(moveBy(at('2026-03-28T09:00:00Z'), MINUTES_PER_DAY))).toBe(
      '2026-03-29T08:00:00.000Z',
    );
  });

  it('keeps 09:00 when a post moves a day back over the autumn change (a 25-hour day)', () => {
    // Mon 26 Oct 2026 09:00 GMT → Sun 25 Oct 09:00 GMT; Sat 24 Oct 09:00 BST is two days back.
    expect(instantOf(moveBy(at('2026-10-26T09:00:00Z'), -MINUTES_PER_DAY))).toBe(
      '2026-10-25T09:00:00.000Z',
    );
    expect(instantOf(moveBy(at('2026-10-26T09:00:00Z'), -2 * MINUTES_PER_DAY))).toBe(
      '2026-10-24T08:00:00.000Z',
    );
  });

  it('refuses a day move onto 01:30 on the last Sunday of March, which does not exist', () => {
    const result = moveBy(at('2027-03-27T01:30:00Z'), MINUTES_PER_DAY);
    expect(result.kind).toBe('nonexistent');
    if (result.kind === 'nonexistent') expect(result.message).toMatch(/does not exist in UK time/);
  });

  it('takes the 01:30 of the same offset on the last Sunday of October: exactly a day away', () => {
    // From Sat 24 Oct 01:30 BST: the first 01:30 (BST) of the 25th.
    expect(instantOf(moveBy(at('2026-10-24T00:30:00Z'), MINUTES_PER_DAY))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // From Mon 26 Oct 01:30 GMT: the second 01:30 (GMT).
    expect(instantOf(moveBy(at('2026-10-26T01:30:00Z'), -MINUTES_PER_DAY))).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('moves by elapsed time for what is left after the whole days', () => {
    // 90 minutes over the spring change: 00:30 GMT + 90 minutes is 03:00 BST.
    expect(instantOf(moveBy(at('2026-03-29T00:30:00Z'), 90))).toBe('2026-03-29T02:00:00.000Z');
    // A day and an hour back: the day first (keeping 10:00), then an hour.
    expect(instantOf(moveBy(at('2026-03-30T09:00:00Z'), -1500))).toBe('2026-03-29T08:00:00.000Z');
  });

  it('refuses minutes that are not whole', () => {
    expect(() => moveBy(at('2026-01-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

const instants = fc
  .date({ min: at('2025-01-01T00:00:00Z'), max: at('2031-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000));
const offsetMinutes = (instant: Date) => {
  const parts = toLocalParts(instant);
  const wall = Date.parse(`${parts.date}T${parts.time}:00Z`);
  return (wall - instant.getTime()) / 60_000;
};

describe('moveBy, for any time and any move', () => {
  it('moves by exactly the minutes asked when the move is under a day', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -1439, max: 1439 }), (instant, minutes) => {
        const moved = moveBy(instant, minutes);
        expect(moved.kind).toBe('ok');
        if (moved.kind === 'ok')
          expect(moved.instant.getTime() - instant.getTime()).toBe(minutes * 60_000);
      }),
    );
  });

  it('keeps the UK time of day on a move by whole days, or refuses a time the clocks skip', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -400, max: 400 }), (instant, days) => {
        const moved = moveBy(instant, days * MINUTES_PER_DAY);
        const before = toLocalParts(instant);
        if (moved.kind === 'nonexistent') {
          // Only 01:00–01:59 can be skipped, and only on the last Sunday of March.
          expect(before.time.startsWith('01:')).toBe(true);
          return;
        }
        const after = toLocalParts(moved.instant);
        expect(after.time).toBe(before.time);
        const dayGap =
          (Date.parse(`${after.date}T00:00:00Z`) - Date.parse(`${before.date}T00:00:00Z`)) /
          86_400_000;
        expect(dayGap).toBe(days);
        // With the same offset at both ends, the move is exactly days × 24 hours.
        if (offsetMinutes(instant) === offsetMinutes(moved.instant))
          expect(moved.instant.getTime() - instant.getTime()).toBe(days * 86_400_000);
      }),
    );
  });

  it('comes back to where it started when moved by whole days and back, unless refused', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -60, max: 60 }), (instant, days) => {
        // From the second 01:30 of an October Sunday a day back is BST, and a day on from there
        // is the first 01:30: the one repeated hour has no way back.
        if (toLocalParts(instant).choice !== undefined) return;
        const there = moveBy(instant, days * MINUTES_PER_DAY);
        if (there.kind !== 'ok' || toLocalParts(there.instant).choice !== undefined) return;
        const back = moveBy(there.instant, -days * MINUTES_PER_DAY);
        expect(back.kind).toBe('ok');
        if (back.kind === 'ok') expect(back.instant.getTime()).toBe(instant.getTime());
      }),
    );
  });
});
