import { describe, expect, it } from 'vitest';
import { REGION } from '@/lib/outcomes/areas';
import { COUNTY_HELP_SEEKING, HELP_SEEKING } from './help-seeking';

const increase = (before: number, after: number) => Math.round(((after - before) / before) * 100);

describe('the demo help-seeking figures reproduce the campaign’s published results', () => {
  it('totals 1,747 before and 3,549 during the campaign (+103 %), the counties summing to it', () => {
    const region = HELP_SEEKING.find((row) => row.area === REGION);
    const before = COUNTY_HELP_SEEKING.reduce((sum, row) => sum + row.before, 0);
    const during = COUNTY_HELP_SEEKING.reduce((sum, row) => sum + row.during, 0);
    expect([before, during]).toEqual([1747, 3549]);
    expect([region?.before, region?.during]).toEqual([1747, 3549]);
    expect(increase(before, during)).toBe(103);
  });

  it.each([
    ['Lancashire', 146],
    ['Cheshire', 193],
    ['Cumbria', 186],
  ])('%s rises by %i %%', (area, percent) => {
    const row = HELP_SEEKING.find((candidate) => candidate.area === area);
    expect(row && increase(row.before, row.during)).toBe(percent);
  });

  it('marks illustrative exactly the counts that were not published', () => {
    expect(
      HELP_SEEKING.filter((row) => row.illustrative)
        .map((row) => row.area)
        .sort(),
    ).toEqual(['Greater Manchester', 'Merseyside', 'North Wales']);
  });
});
