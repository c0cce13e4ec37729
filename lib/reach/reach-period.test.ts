import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { daysIn, presetRange, previousPeriod, rangeLabel } from './reach-period';

const dayArb = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('reach periods', () => {
  it('the last 7 and 28 days end today', () => {
    expect(presetRange('7d', '2026-11-30', null)).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(presetRange('28d', '2026-03-29', null)).toEqual({
      from: '2026-03-02',
      to: '2026-03-29',
    });
  });

  it('campaign to date stops at the campaign end and never starts after it ends', () => {
    const campaign = { firstDay: '2026-11-02', lastDay: '2026-11-29' };
    expect(presetRange('campaign', '2026-11-20', campaign)).toEqual({
      from: '2026-11-02',
      to: '2026-11-20',
    });
    expect(presetRange('campaign', '2026-12-01', campaign)).toEqual({
      from: '2026-11-02',
      to: '2026-11-29',
    });
    expect(presetRange('campaign', '2026-10-01', campaign)).toEqual({
      from: '2026-10-01',
      to: '2026-10-01',
    });
  });

  it('the previous period has the same length and ends the day before', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), (from, extra) => {
        const to = Temporal.PlainDate.from(from).add({ days: extra }).toString();
        const previous = previousPeriod({ from, to });
        expect(daysIn(previous)).toBe(daysIn({ from, to }));
        expect(Temporal.PlainDate.from(previous.to).add({ days: 1 }).toString()).toBe(from);
      }),
    );
  });

  it('labels a range as people write it', () => {
    expect(rangeLabel({ from: '2026-11-03', to: '2026-11-30' })).toBe('3 Nov 2026 to 30 Nov 2026');
    expect(rangeLabel({ from: '2026-11-03', to: '2026-11-03' })).toBe('3 Nov 2026');
  });
});
