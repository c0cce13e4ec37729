// `GET /outcomes/compare` and the Reach page's panel: the stored figures of the two periods,
// compared (compare-figures.ts).
import { z } from 'zod';
import { db } from '../db';
import { type OutcomeComparison, compareFigures } from './compare-figures';
import { OUTCOME_FIELDS, outcomeView } from './list-outcomes';
import { type Period, PeriodText, dayDate } from './periods';

export const CompareQuery = z
  .object({
    before: PeriodText.describe('from/to, such as 2017-07-01/2018-01-31'),
    during: PeriodText.describe('from/to, such as 2018-02-01/2018-07-31'),
  })
  .strict();
export type CompareQuery = z.infer<typeof CompareQuery>;

export async function compareOutcomes(periods: {
  before: Period;
  during: Period;
}): Promise<OutcomeComparison> {
  const sides = [periods.before, periods.during];
  const rows = await db.helpSeekingFigure.findMany({
    where: {
      OR: sides.map((period) => ({
        periodStart: { gte: dayDate(period.from) },
        periodEnd: { lte: dayDate(period.to) },
      })),
    },
    select: OUTCOME_FIELDS,
  });
  return compareFigures(rows.map(outcomeView), periods);
}
