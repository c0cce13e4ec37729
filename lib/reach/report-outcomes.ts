// The help-seeking comparison the campaign report shows beside reach: the campaign's published
// comparison (lib/outcomes/periods.ts), area by area and for the region, with the figures that
// were not published marked. Left out when no figures have been added for those periods.
import { compareOutcomes } from '../outcomes/compare-outcomes';
import { CAMPAIGN_COMPARISON } from '../outcomes/periods';
import type { OutcomesForReport } from './campaign-report';
import { rangeLabel } from './reach-period';

export const outcomesForReport: OutcomesForReport = async () => {
  const comparison = await compareOutcomes(CAMPAIGN_COMPARISON);
  if (
    comparison.areas.length === 0 &&
    comparison.total.before === null &&
    comparison.total.during === null
  )
    return null;
  return {
    beforeLabel: rangeLabel(comparison.before),
    duringLabel: rangeLabel(comparison.during),
    areas: comparison.areas,
    total: { area: 'North West', ...comparison.total },
    source: comparison.sources.join('; ') || null,
  };
};
