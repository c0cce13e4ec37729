import { describe, expect, it } from 'vitest';
import { ukWeek } from './pack-week';

describe('ukWeek', () => {
  it('runs Monday to Monday on UK clocks', () => {
    const week = ukWeek('2026-12-03', new Date('2026-12-01T10:00:00Z'))!;
    expect(week.monday).toBe('2026-11-30');
    expect(week.from.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(week.to.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('keeps to UK midnights across the clocks change', () => {
    const week = ukWeek('2026-03-29', new Date('2026-03-01T10:00:00Z'))!;
    expect(week.monday).toBe('2026-03-23');
    expect(week.from.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(week.to.toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it("takes this week when no day is given, and refuses a day that isn't", () => {
    // 23:30 UTC on Sunday is already Monday 00:30 on British Summer Time.
    expect(ukWeek(undefined, new Date('2026-06-07T23:30:00Z'))!.monday).toBe('2026-06-08');
    expect(ukWeek('2026-02-30', new Date())).toBeNull();
    expect(ukWeek('nonsense', new Date())).toBeNull();
  });
});
