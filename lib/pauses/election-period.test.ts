import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday, electionPeriodOf, nextElectionPeriod } from './election-period';

describe('the pre-election period preset', () => {
  it('finds Easter', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
  });

  it('runs from the notice of election, 25 working days before polling day, to the count', () => {
    // 2027: polling day Thursday 6 May; the early May bank holiday is Monday 3 May, Easter is
    // well before the 25 days.
    const period = electionPeriodOf(2027);
    expect(period.pollingDay).toBe('2027-05-06');
    expect(period.fromDay).toBe('2027-03-31');
    expect(period.untilDay).toBe('2027-05-08');
    expect(period.reason).toBe('Pre-election period: local elections on 6 May 2027');
    // On UK clocks: midnight BST.
    expect(period.startsAt.toISOString()).toBe('2027-03-30T23:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday when they fall in the period', () => {
    // 2026: polling day 7 May; Good Friday 3 April and Easter Monday 6 April fall in it.
    expect(electionPeriodOf(2026).fromDay).toBe('2026-03-30');
  });

  it('offers the next period not yet over, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (now) => {
          const period = nextElectionPeriod(now);
          expect(period.endsAt.getTime()).toBeGreaterThan(now.getTime());
          expect(period.startsAt.getTime()).toBeLessThan(period.endsAt.getTime());
          expect(new Date(`${period.pollingDay}T12:00:00Z`).getUTCDay()).toBe(4);
        },
      ),
    );
  });
});
