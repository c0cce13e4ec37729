import { describe, expect, it } from 'vitest';
import { campaignDays, campaignPeriod } from './campaign-period';

describe('campaign days', () => {
  it('stores a summer campaign from UK midnight to the UK midnight after its last day', () => {
    expect(campaignPeriod({ firstDay: '2026-06-01', lastDay: '2026-08-31' })).toEqual({
      startsAt: '2026-05-31T23:00:00.000Z',
      endsAt: '2026-08-31T23:00:00.000Z',
    });
  });

  it('crosses the clocks change and reads back the same days', () => {
    const days = { firstDay: '2026-10-01', lastDay: '2027-03-31' };
    const period = campaignPeriod(days);
    expect(period).toEqual({
      startsAt: '2026-09-30T23:00:00.000Z',
      endsAt: '2027-03-31T23:00:00.000Z',
    });
    expect(period && campaignDays(period)).toEqual(days);
  });

  it('reads the seeded campaign as 1 September to 31 August', () => {
    expect(
      campaignDays({ startsAt: '2026-09-01T00:00:00.000Z', endsAt: '2027-08-31T23:00:00.000Z' }),
    ).toEqual({ firstDay: '2026-09-01', lastDay: '2027-08-31' });
  });

  it('answers null for a day that does not exist', () => {
    expect(campaignPeriod({ firstDay: '2026-02-30', lastDay: '2026-03-01' })).toBeNull();
  });
});
