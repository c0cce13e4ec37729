import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../scheduling/london-time';
import { digestDue, digestDueAt } from './digest-hour';

const HOUR = 60 * 60 * 1000;
const ukHour = (instant: Date) =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('Europe/London')
    .hour;

/** Hourly sweeps on the hour from `from` for `hours` hours: the instants a digest went out. */
function sweep(from: string, hours: number, hour: number): Date[] {
  const sent: Date[] = [];
  let last: Date | null = null;
  for (let step = 0; step < hours; step++) {
    const now = new Date(Date.parse(from) + step * HOUR);
    if (digestDue(now, hour, last)) {
      sent.push(now);
      last = now;
    }
  }
  return sent;
}

describe('the digest hour', () => {
  it('is the UK hour in winter and in summer', () => {
    expect(digestDueAt(new Date('2026-01-15T12:00:00Z'), 8).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(digestDueAt(new Date('2026-07-15T12:00:00Z'), 8).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });

  it('at 1 o’clock on the day the clocks go forward, goes out when they jump (02:00 BST)', () => {
    expect(digestDueAt(new Date('2026-03-29T12:00:00Z'), 1).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(sweep('2026-03-29T00:00:00Z', 12, 1).map((at) => at.toISOString())).toEqual([
      '2026-03-29T01:00:00.000Z',
    ]);
  });

  it('at 1 o’clock on the day the clocks go back, goes out at the first 01:00 and not the second', () => {
    expect(sweep('2026-10-24T23:00:00Z', 12, 1).map((at) => at.toISOString())).toEqual([
      '2026-10-25T00:00:00.000Z',
    ]);
  });

  it('goes out once on each UK day, at the chosen hour, for every hour, across both clock changes', () => {
    for (const start of ['2026-03-20T00:00:00Z', '2026-10-18T00:00:00Z']) {
      const days = 14;
      for (let hour = 0; hour < 24; hour++) {
        const sent = sweep(start, days * 24, hour);
        const sentDays = sent.map((at) => dayOf(at));
        expect(new Set(sentDays).size).toBe(sentDays.length);
        // Every whole UK day in the run has its digest (the first may start after the hour).
        expect(sent.length).toBeGreaterThanOrEqual(days - 1);
        for (const at of sent) {
          // On the hour, or (the spring gap) the hour after, when the chosen hour does not exist.
          expect([hour, hour + 1]).toContain(ukHour(at));
        }
      }
    }
  });

  it('is never due before its hour on the day, and always due after it when none was sent that day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        (now, hour) => {
          const due = digestDueAt(now, hour);
          expect(dayOf(due)).toBe(dayOf(now));
          expect(digestDue(now, hour, null)).toBe(now.getTime() >= due.getTime());
          // Sent already today: never again today.
          expect(digestDue(now, hour, due)).toBe(false);
          expect(digestDue(now, hour, now)).toBe(false);
        },
      ),
    );
  });
});
