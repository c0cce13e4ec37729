import { describe, expect, it } from 'vitest';
import { campaignWeeks } from './campaign-weeks';

describe("a campaign's weeks", () => {
  it('are its Mondays, newest first, up to this week while it runs', () => {
    const weeks = campaignWeeks(
      { startsAt: new Date('2026-11-11T09:00:00Z'), endsAt: new Date('2027-03-31T00:00:00Z') },
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(weeks).toEqual(['2026-11-30', '2026-11-23', '2026-11-16', '2026-11-09']);
  });

  it('end with the campaign, across the clocks going back', () => {
    const weeks = campaignWeeks(
      { startsAt: new Date('2026-10-19T09:00:00Z'), endsAt: new Date('2026-11-03T00:00:00Z') },
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(weeks).toEqual(['2026-11-02', '2026-10-26', '2026-10-19']);
  });
});
