import { describe, expect, it } from 'vitest';
import { readReachParams, reachSearch } from './reach-page';

const campaigns = [
  { id: 'old', name: 'Old', status: 'archived', firstDay: '2025-01-01', lastDay: '2025-06-30' },
  { id: 'live', name: 'Live', status: 'active', firstDay: '2026-09-01', lastDay: '2027-08-31' },
];

describe('the Reach page address', () => {
  it('defaults to the active campaign and the last 28 days', () => {
    expect(readReachParams({}, '2026-12-01', campaigns)).toEqual({
      campaignId: 'live',
      period: '28d',
      range: { from: '2026-11-04', to: '2026-12-01' },
      by: 'organisation',
    });
  });

  it('reads every filter, and falls back rather than failing on what it cannot read', () => {
    const selection = readReachParams(
      {
        campaign: 'old',
        period: 'custom',
        from: '2025-02-01',
        to: '2025-02-28',
        platform: 'x',
        theme: 'help',
        by: 'week',
      },
      '2026-12-01',
      campaigns,
    );
    expect(selection).toMatchObject({
      campaignId: 'old',
      period: 'custom',
      platform: 'x',
      theme: 'help',
      by: 'week',
    });
    expect(
      readReachParams(Object.fromEntries(reachSearch(selection)), '2026-12-01', campaigns),
    ).toEqual(selection);
    const nonsense = readReachParams(
      {
        campaign: 'nope',
        period: 'custom',
        from: '0000-00-00',
        to: '2025-02-30',
        platform: 'myspace',
        by: ['week', 'x'],
      },
      '2026-12-01',
      campaigns,
    );
    expect(nonsense).toMatchObject({ campaignId: 'live', period: '28d', by: 'week' });
    expect(nonsense.platform).toBeUndefined();
  });

  it('campaign to date runs from the campaign’s first day', () => {
    expect(readReachParams({ period: 'campaign' }, '2026-12-01', campaigns).range).toEqual({
      from: '2026-09-01',
      to: '2026-12-01',
    });
  });
});
