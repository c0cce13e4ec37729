// `POST /outcomes` and the Reach page's upload: help-seeking figures imported all or nothing.
// Every row is checked first and every problem named; then, in one transaction, each figure
// replaces the stored one of the same area and period (or is added), with one audit entry.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { db } from '../db';
import { forbidden, invalid } from '../errors';
import { type Figure, checkFigures, clashesWithStored } from './check-figures';
import { OUTCOME_FIELDS, OutcomeView, outcomeView } from './list-outcomes';
import { outcomeAreas } from './outcome-areas';
import { checkFiguresCsv } from './parse-csv';
import { dayDate } from './periods';

export type OutcomeUpload =
  | { format: 'json'; source: string; figures: readonly unknown[] }
  | { format: 'csv'; source: string; text: string };

export const ImportOutcomesResult = z
  .object({
    imported: z.number().int().describe('figures written'),
    replaced: z.number().int().describe('of them, figures that replaced a stored one'),
    items: z.array(OutcomeView),
  })
  .meta({ id: 'ImportOutcomesResult' });
export type ImportOutcomesResult = z.infer<typeof ImportOutcomesResult>;

export function assertMayImportOutcomes(actor: CurrentActor): void {
  if (!can(actor, 'outcome.manage'))
    throw forbidden('Only campaign leads can import help-seeking figures.');
}

/** "Nothing was imported: 2 problems to fix (figures.3.contacts must be …; …)." */
function refused(fields: Record<string, string>) {
  const entries = Object.entries(fields);
  const shown = entries
    .slice(0, 10)
    .map(([path, problem]) => `${path} ${problem}`)
    .join('; ');
  const more = entries.length > 10 ? `; and ${entries.length - 10} more` : '';
  return invalid(
    `Nothing was imported: ${entries.length === 1 ? 'one problem' : `${entries.length} problems`} to fix (${shown}${more}).`,
    fields,
  );
}

const sameKey = (figure: Figure) => ({
  area: figure.area,
  periodStart: dayDate(figure.periodStart),
  periodEnd: dayDate(figure.periodEnd),
});

export async function importOutcomes(
  actor: CurrentActor,
  upload: OutcomeUpload,
): Promise<ImportOutcomesResult> {
  assertMayImportOutcomes(actor);
  const areas = await outcomeAreas();
  const checked =
    upload.format === 'csv'
      ? checkFiguresCsv(upload.text, { areas })
      : checkFigures(upload.figures, { areas });
  if (!checked.ok) throw refused(checked.fields);
  const figures = checked.figures;
  const { lines } = checked;
  return db.$transaction(async (tx) => {
    // Two imports at once must not each pass the overlap check against what the other writes.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('help_seeking_figures', 0))`;
    const stored = await tx.helpSeekingFigure.findMany({
      where: { area: { in: [...new Set(figures.map((figure) => figure.area))] } },
      select: { id: true, ...OUTCOME_FIELDS },
    });
    const storedFigures = stored.map((row) => ({ id: row.id, ...outcomeView(row) }));
    const clashes = clashesWithStored(figures, storedFigures, lines);
    if (Object.keys(clashes).length > 0) throw refused(clashes);
    const keys = new Set(figures.map((f) => `${f.area}|${f.periodStart}|${f.periodEnd}`));
    const replaced = storedFigures.filter((row) =>
      keys.has(`${row.area}|${row.periodStart}|${row.periodEnd}`),
    );
    if (replaced.length > 0)
      await tx.helpSeekingFigure.deleteMany({ where: { id: { in: replaced.map((r) => r.id) } } });
    await tx.helpSeekingFigure.createMany({
      data: figures.map((figure) => ({
        ...sameKey(figure),
        contacts: figure.contacts,
        source: upload.source,
        illustrative: false,
        createdById: actor.userId,
      })),
    });
    const items = figures.map((figure) => ({
      ...figure,
      source: upload.source,
      illustrative: false,
    }));
    await recordAudit(tx, auditActor(actor), {
      action: 'outcome.imported',
      entityId: randomUUID(),
      before: replaced.length > 0 ? { figures: replaced.map(({ id: _, ...rest }) => rest) } : null,
      after: {
        label: `${figures.length === 1 ? 'one figure' : `${figures.length} figures`} from ${upload.source}`,
        format: upload.format,
        source: upload.source,
        figures: items,
      },
    });
    return { imported: figures.length, replaced: replaced.length, items };
  });
}
