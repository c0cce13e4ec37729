import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capPerDay,
  droppedTime,
  MAX_CALENDAR_DAYS,
  ukDaySpan,
  ukDaysBetween,
} from './calendar-days';
import { dayOf, dayStart, resolveLocalTime, toLocalParts } from './london-time';

const at = (iso: string) => new Date(iso);
const HOUR = 60 * 60 * 1000;

describe('ukDaysBetween', () => {
  it('makes the week of the spring clocks change with a 23-hour Sunday', () => {
    const days = ukDaysBetween(at('2026-03-23T00:00Z'), at('2026-03-30T00:00+01:00'))!;
    expect(days.map((day) => day.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    const sunday = days.at(-1)!;
    expect(sunday.end.getTime() - sunday.start.getTime()).toBe(23 * HOUR);
    expect(sunday.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('makes the autumn Sunday 25 hours long', () => {
    const [sunday] = ukDaysBetween(at('2026-10-25T00:00+01:00'), at('2026-10-26T00:00Z'))!;
    expect(sunday!.date).toBe('2026-10-25');
    expect(sunday!.end.getTime() - sunday!.start.getTime()).toBe(25 * HOUR);
  });

  it('refuses a range longer than the calendar shows, and answers none for an empty one', () => {
    expect(ukDaysBetween(at('2026-01-01T00:00Z'), at('2026-12-01T00:00Z'))).toBeNull();
    expect(ukDaysBetween(at('2026-01-02T00:00Z'), at('2026-01-01T00:00Z'))).toEqual([]);
  });

  it('covers any range with whole days, each starting where the last ended', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at('2020-01-01T00:00Z'),
          max: at('2035-01-01T00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: (MAX_CALENDAR_DAYS - 1) * 24 * 60 }),
        (from, minutes) => {
          const to = new Date(from.getTime() + minutes * 60_000);
          const days = ukDaysBetween(from, to)!;
          expect(days[0]!.start.getTime()).toBeLessThanOrEqual(from.getTime());
          expect(days.at(-1)!.end.getTime()).toBeGreaterThanOrEqual(to.getTime());
          for (const [index, day] of days.entries()) {
            expect(dayOf(day.start)).toBe(day.date);
            expect(day.start.toISOString()).toBe(dayStart(day.date)!.toISOString());
            if (index > 0) expect(day.start).toEqual(days[index - 1]!.end);
          }
        },
      ),
    );
  });
});

describe('capPerDay', () => {
  const days = ukDaysBetween(at('2026-10-24T00:00+01:00'), at('2026-10-27T00:00Z'))!;

  it('keeps the first posts of a busy day and counts them all', () => {
    const posts = [
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `a${i}`,
        scheduledAt: at(`2026-10-24T0${i}:00Z`),
      })),
      // 00:30 GMT on the 26th is still the 26th; 23:30 GMT on the 25th is the 25th (a 25-hour day).
      { id: 'b', scheduledAt: at('2026-10-25T23:30Z') },
      { id: 'c', scheduledAt: at('2026-10-26T00:30Z') },
    ];
    const { kept, days: counts } = capPerDay(posts, days, 2);
    expect(kept.map((post) => post.id)).toEqual(['a0', 'a1', 'b', 'c']);
    expect(counts).toEqual([
      { date: '2026-10-24', total: 5, shown: 2 },
      { date: '2026-10-25', total: 1, shown: 1 },
      { date: '2026-10-26', total: 1, shown: 1 },
    ]);
  });

  it('never keeps more than the cap of a day, and counts every post in range once', () => {
    const range = { min: days[0]!.start.getTime(), max: days.at(-1)!.end.getTime() - 1 };
    fc.assert(
      fc.property(
        fc.array(fc.integer(range), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (times, cap) => {
          const posts = times
            .sort((a, b) => a - b)
            .map((time) => ({ scheduledAt: new Date(time) }));
          const { kept, days: counts } = capPerDay(posts, days, cap);
          expect(counts.reduce((sum, day) => sum + day.total, 0)).toBe(posts.length);
          expect(kept.length).toBe(counts.reduce((sum, day) => sum + day.shown, 0));
          for (const day of counts) {
            expect(day.shown).toBe(Math.min(cap, day.total));
            expect(kept.filter((post) => dayOf(post.scheduledAt) === day.date).length).toBe(
              day.shown,
            );
          }
        },
      ),
    );
  });
});

describe('droppedTime', () => {
  it('keeps 09:00 when a post moves onto the day the clocks go forward, and back', () => {
    // 09:00 GMT on Saturday 28 March; Sunday 29 March is on BST.
    expect(droppedTime(at('2026-03-28T09:00Z'), { days: 1, milliseconds: 0 })).toEqual({
      date: '2026-03-29',
      time: '09:00',
    });
    expect(droppedTime(at('2026-10-26T09:00Z'), { days: -2, milliseconds: 0 })).toEqual({
      date: '2026-10-24',
      time: '09:00',
    });
  });

  it('lands a 01:30 post moved onto 29 March on a time the clocks skip, for the server to refuse', () => {
    const landed = droppedTime(at('2026-03-28T01:30Z'), { days: 1, milliseconds: 0 });
    expect(landed).toEqual({ date: '2026-03-29', time: '01:30' });
    expect(resolveLocalTime(landed).kind).toBe('nonexistent');
  });

  it('moves the clock hands by the time dragged in a week view', () => {
    expect(droppedTime(at('2026-03-29T00:30Z'), { days: 0, milliseconds: 3 * HOUR })).toEqual({
      date: '2026-03-29',
      time: '03:30',
    });
  });

  it('keeps the UK time of day for any post moved by whole days', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: at('2020-01-01T00:00Z'),
          max: at('2035-01-01T00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -60, max: 60 }),
        (scheduledAt, days) => {
          const before = toLocalParts(scheduledAt);
          const after = droppedTime(scheduledAt, { days, milliseconds: 0 });
          expect(after.time).toBe(before.time);
          expect(dayStart(before.date, days) && dayOf(dayStart(before.date, days)!)).toBe(
            after.date,
          );
        },
      ),
    );
  });
});

describe('ukDaySpan', () => {
  it('covers every UK day a period touches, ending on the day after the last', () => {
    expect(ukDaySpan(at('2026-12-08T18:00Z'), at('2026-12-10T12:00Z'))).toEqual({
      start: '2026-12-08',
      end: '2026-12-11',
    });
    // Ending at midnight UK time: that day is not touched. 23:00 UTC is midnight BST.
    expect(ukDaySpan(at('2027-06-01T09:00Z'), at('2027-06-02T23:00Z'))).toEqual({
      start: '2027-06-01',
      end: '2027-06-03',
    });
    // 23:30 UTC on 28 March 2027 is 00:30 BST on the 29th.
    expect(ukDaySpan(at('2027-03-28T23:30Z'), at('2027-03-29T01:00Z'))).toEqual({
      start: '2027-03-29',
      end: '2027-03-30',
    });
  });
});
