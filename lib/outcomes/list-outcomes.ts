// `GET /outcomes`: the help-seeking figures stored, for anyone signed in (they are the charity's
// published aggregate counts, not anyone's data). A figure is listed when its period shares a day
// with the one asked for.
import { z } from 'zod';
import { db } from '../db';
import { Day, dayDate, dayOf } from './periods';

export const OutcomesQuery = z
  .object({
    area: z.string().trim().min(1).max(100).optional(),
    from: Day.optional(),
    to: Day.optional(),
  })
  .strict();
export type OutcomesQuery = z.infer<typeof OutcomesQuery>;

export const OutcomeView = z
  .object({
    area: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    contacts: z.number().int(),
    source: z.string(),
    illustrative: z.boolean().describe('not a published figure: a stand-in, such as demo data'),
  })
  .meta({ id: 'HelpSeekingFigure' });
export type OutcomeView = z.infer<typeof OutcomeView>;

export const OUTCOME_FIELDS = {
  area: true,
  periodStart: true,
  periodEnd: true,
  contacts: true,
  source: true,
  illustrative: true,
} as const;

export function outcomeView(row: {
  area: string;
  periodStart: Date;
  periodEnd: Date;
  contacts: number;
  source: string;
  illustrative: boolean;
}): OutcomeView {
  return { ...row, periodStart: dayOf(row.periodStart), periodEnd: dayOf(row.periodEnd) };
}

export async function listOutcomes(query: OutcomesQuery): Promise<{ items: OutcomeView[] }> {
  const rows = await db.helpSeekingFigure.findMany({
    where: {
      ...(query.area ? { area: { equals: query.area, mode: 'insensitive' } } : {}),
      ...(query.from ? { periodEnd: { gte: dayDate(query.from) } } : {}),
      ...(query.to ? { periodStart: { lte: dayDate(query.to) } } : {}),
    },
    select: OUTCOME_FIELDS,
    orderBy: [{ area: 'asc' }, { periodStart: 'asc' }],
  });
  return { items: rows.map(outcomeView) };
}
