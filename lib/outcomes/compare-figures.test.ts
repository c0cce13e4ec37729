import { describe, expect, it } from 'vitest';
import { REGION } from './areas';
import { type StoredOutcome, change, compareFigures } from './compare-figures';
import { CAMPAIGN_COMPARISON } from './periods';

const { before, during } = CAMPAIGN_COMPARISON;
const figure = (
  area: string,
  period: { from: string; to: string },
  contacts: number,
  illustrative = false,
): StoredOutcome => ({
  area,
  periodStart: period.from,
  periodEnd: period.to,
  contacts,
  source: illustrative ? 'demo' : 'published',
  illustrative,
});

describe('comparing two periods of help-seeking figures', () => {
  it('gives each area its change, and the region its own totals when it has them', () => {
    const compared = compareFigures(
      [
        figure(REGION, before, 1747),
        figure(REGION, during, 3549),
        figure('Lancashire', before, 350),
        figure('Lancashire', during, 861),
        figure('Merseyside', before, 330, true),
        figure('Merseyside', during, 520, true),
      ],
      CAMPAIGN_COMPARISON,
    );
    expect(compared.total).toEqual({
      before: 1747,
      during: 3549,
      change: 1.0315,
      illustrative: false,
      basis: 'region',
    });
    expect(compared.areas).toEqual([
      { area: 'Lancashire', before: 350, during: 861, change: 1.46, illustrative: false },
      { area: 'Merseyside', before: 330, during: 520, change: 0.5758, illustrative: true },
    ]);
    expect(compared.sources).toEqual(['demo', 'published']);
  });

  it('sums the areas with both sides when the region has no figures of its own', () => {
    const compared = compareFigures(
      [
        figure('Cumbria', before, 100),
        figure('Cumbria', during, 286),
        figure('Cheshire', during, 586),
      ],
      CAMPAIGN_COMPARISON,
    );
    expect(compared.total).toMatchObject({ before: 100, during: 286, basis: 'areas' });
    expect(compared.areas.find((row) => row.area === 'Cheshire')).toEqual({
      area: 'Cheshire',
      before: null,
      during: 586,
      change: null,
      illustrative: false,
    });
  });

  it('counts only figures wholly inside a period, and adds up those that are', () => {
    const compared = compareFigures(
      [
        figure('Cumbria', { from: '2018-02-01', to: '2018-02-28' }, 10),
        figure('Cumbria', { from: '2018-03-01', to: '2018-03-31' }, 20),
        figure('Cumbria', { from: '2018-07-01', to: '2018-08-31' }, 99),
      ],
      CAMPAIGN_COMPARISON,
    );
    expect(compared.areas).toEqual([
      { area: 'Cumbria', before: null, during: 30, change: null, illustrative: false },
    ]);
  });

  it('has no change when before is 0 or a side is missing', () => {
    expect(change(0, 10)).toBeNull();
    expect(change(null, 10)).toBeNull();
    expect(change(10, null)).toBeNull();
    expect(change(10, 0)).toBe(-1);
  });
});
