// Two periods compared per area and for the region: the page's and `/outcomes/compare`'s figures.
// A figure counts toward a period when its own period lies wholly inside it (a figure cannot be
// split by day); an area's figures never share days (check-figures.ts), so they add up. Pure.
import { z } from 'zod';
import { REGION } from './areas';
import { type Period, within } from './periods';

export interface StoredOutcome {
  area: string;
  periodStart: string;
  periodEnd: string;
  contacts: number;
  source: string;
  illustrative: boolean;
}

const Change = z
  .number()
  .nullable()
  .describe('during ÷ before − 1 (1.03 is +103 %); null when before is 0 or a side has no figure');

export const AreaComparison = z.object({
  area: z.string(),
  before: z.number().int().nullable(),
  during: z.number().int().nullable(),
  change: Change,
  illustrative: z
    .boolean()
    .describe('true when a figure counted here was not published (a stand-in, such as demo data)'),
});
export type AreaComparison = z.infer<typeof AreaComparison>;

export const OutcomeComparison = z
  .object({
    before: z.object({ from: z.string(), to: z.string() }),
    during: z.object({ from: z.string(), to: z.string() }),
    areas: z.array(AreaComparison),
    total: AreaComparison.omit({ area: true }).extend({
      basis: z
        .enum(['region', 'areas'])
        .describe(
          'region: the region’s own figures (its published totals); areas: the sum of the areas’ figures',
        ),
    }),
    sources: z.array(z.string()).describe('where the figures counted here come from'),
  })
  .meta({ id: 'OutcomeComparison' });
export type OutcomeComparison = z.infer<typeof OutcomeComparison>;

/** during ÷ before − 1, to four places; null when it cannot be said. */
export function change(before: number | null, during: number | null): number | null {
  if (before === null || during === null || before === 0) return null;
  return Math.round((during / before - 1) * 10_000) / 10_000;
}

interface Side {
  contacts: number | null;
  used: StoredOutcome[];
}

function side(figures: readonly StoredOutcome[], period: Period): Side {
  const used = figures.filter((figure) =>
    within({ from: figure.periodStart, to: figure.periodEnd }, period),
  );
  return {
    contacts: used.length === 0 ? null : used.reduce((sum, figure) => sum + figure.contacts, 0),
    used,
  };
}

function compared(before: Side, during: Side) {
  return {
    before: before.contacts,
    during: during.contacts,
    change: change(before.contacts, during.contacts),
    illustrative: [...before.used, ...during.used].some((figure) => figure.illustrative),
  };
}

/**
 * Per area (the region aside), and for the region: its own figures when it has them for both
 * periods, else the sum of the areas that have figures for both.
 */
export function compareFigures(
  figures: readonly StoredOutcome[],
  periods: { before: Period; during: Period },
): OutcomeComparison {
  const byArea = new Map<string, StoredOutcome[]>();
  for (const figure of figures) {
    const own = byArea.get(figure.area) ?? [];
    own.push(figure);
    byArea.set(figure.area, own);
  }
  const used: StoredOutcome[] = [];
  const areas: AreaComparison[] = [];
  const areaSides: { before: Side; during: Side }[] = [];
  for (const area of [...byArea.keys()].filter((name) => name !== REGION).sort()) {
    const own = byArea.get(area) ?? [];
    const before = side(own, periods.before);
    const during = side(own, periods.during);
    if (before.used.length === 0 && during.used.length === 0) continue;
    areas.push({ area, ...compared(before, during) });
    areaSides.push({ before, during });
    used.push(...before.used, ...during.used);
  }
  const region = byArea.get(REGION) ?? [];
  const regionBefore = side(region, periods.before);
  const regionDuring = side(region, periods.during);
  let total: OutcomeComparison['total'];
  if (regionBefore.contacts !== null && regionDuring.contacts !== null) {
    total = { ...compared(regionBefore, regionDuring), basis: 'region' };
    used.push(...regionBefore.used, ...regionDuring.used);
  } else {
    // Like for like: only the areas with figures on both sides, or the change would compare
    // different sets of areas.
    const paired = areaSides.filter(
      (sides) => sides.before.contacts !== null && sides.during.contacts !== null,
    );
    const sum = (key: 'before' | 'during'): Side => {
      const sides = paired.map((both) => both[key]);
      return {
        contacts: sides.length === 0 ? null : sides.reduce((n, s) => n + (s.contacts ?? 0), 0),
        used: sides.flatMap((s) => s.used),
      };
    };
    total = { ...compared(sum('before'), sum('during')), basis: 'areas' };
  }
  return {
    before: { ...periods.before },
    during: { ...periods.during },
    areas,
    total,
    sources: [...new Set(used.map((figure) => figure.source))].sort(),
  };
}
