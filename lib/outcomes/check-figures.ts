// Checks an upload of help-seeking figures, every row, and names each problem by where it is
// (`figures.3.contacts`), so a lead fixes the whole file at once: all or nothing. The same check
// serves the JSON body and the CSV file (whose rows arrive as text, with their line numbers).
// Pure: the areas and the figures already stored are passed in.
import { z } from 'zod';
import { areaList, canonicalArea } from './areas';
import { Day, type Period, overlap } from './periods';

/** The largest CSV the Reach page's upload sends (a server action's body is at most 1 MB). */
export const MAX_CSV_CHARACTERS = 512 * 1024;

/** More than any charity report holds (areas × months over years), small enough to check at once. */
export const MAX_FIGURES = 5000;
/** A count no area's helpline contacts come near, inside PostgreSQL's integer. */
const MAX_CONTACTS = 10_000_000;

const WHOLE_NUMBER = 'must be a whole number of 0 or more, such as 350';

export const FigureInput = z
  .object({
    area: z
      .string({ error: 'must name the area, such as Lancashire' })
      .trim()
      .min(1, { error: 'must name the area, such as Lancashire' })
      .max(100, { error: 'must be at most 100 characters' }),
    periodStart: Day,
    periodEnd: Day,
    contacts: z
      .number({ error: WHOLE_NUMBER })
      .int({ error: WHOLE_NUMBER })
      .min(0, { error: WHOLE_NUMBER })
      .max(MAX_CONTACTS, { error: `must be at most ${MAX_CONTACTS.toLocaleString('en-GB')}` }),
  })
  .strict()
  .meta({ id: 'HelpSeekingFigureInput' });
export type FigureInput = z.infer<typeof FigureInput>;

export const OutcomeSource = z
  .string({ error: 'must say where the figures come from' })
  .trim()
  .min(3, { error: 'must say where the figures come from, such as “Stop it Now! report, 2019”' })
  .max(300, { error: 'must be at most 300 characters' });

/** `POST /outcomes` as JSON; the CSV form carries the same figures, with `source` in the query. */
export const ImportOutcomesRequest = z
  .object({
    source: OutcomeSource,
    figures: z
      .array(z.unknown())
      .min(1, { error: 'must hold at least one figure' })
      .max(MAX_FIGURES, {
        error: `must hold at most ${MAX_FIGURES.toLocaleString('en-GB')} figures`,
      }),
  })
  .strict();

/** A checked figure: its area as the database spells it. */
export interface Figure {
  area: string;
  periodStart: string;
  periodEnd: string;
  contacts: number;
}

export type FigureCheck =
  | { ok: true; figures: Figure[]; lines?: readonly number[] }
  | { ok: false; fields: Record<string, string> };

export interface CheckOptions {
  /** The outcome areas (areas.ts). */
  areas: readonly string[];
  /** Each row's line in the file, for a CSV upload's messages. */
  lines?: readonly number[];
}

const periodOf = (figure: Figure): Period => ({ from: figure.periodStart, to: figure.periodEnd });
const describe = (figure: Figure) => `${figure.area}, ${figure.periodStart} to ${figure.periodEnd}`;

function checkRow(row: unknown, options: CheckOptions, fields: Record<string, string>, at: string) {
  const parsed = FigureInput.safeParse(row);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fields[`${at}.${key}`] ??= 'is not a known field';
      } else {
        fields[[at, ...issue.path].join('.')] ??= issue.message;
      }
    }
    return null;
  }
  const { area: named, ...rest } = parsed.data;
  const area = canonicalArea(named, options.areas);
  let ok = true;
  if (!area) {
    fields[`${at}.area`] = `must be one of the campaign’s areas: ${areaList(options.areas)}`;
    ok = false;
  }
  if (rest.periodEnd < rest.periodStart) {
    fields[`${at}.periodEnd`] = 'must be on or after periodStart';
    ok = false;
  }
  return ok && area ? { area, ...rest } : null;
}

/** Each figure that shares days with an earlier one of the same area in the upload, named. */
function clashesWithin(figures: readonly (Figure | null)[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const byArea = new Map<string, number[]>();
  figures.forEach((figure, index) => {
    if (!figure) return;
    const indexes = byArea.get(figure.area) ?? [];
    indexes.push(index);
    byArea.set(figure.area, indexes);
  });
  for (const indexes of byArea.values()) {
    // In order of their first day: a figure clashes with the one reaching furthest before it.
    const sorted = [...indexes].sort((a, b) => {
      const [first, second] = [figures[a], figures[b]] as [Figure, Figure];
      return first.periodStart.localeCompare(second.periodStart) || a - b;
    });
    let furthest: number | null = null;
    for (const index of sorted) {
      const figure = figures[index] as Figure;
      const earlier = furthest === null ? null : (figures[furthest] as Figure);
      if (earlier && overlap(periodOf(earlier), periodOf(figure))) {
        const [first, second] = furthest! < index ? [furthest!, index] : [index, furthest!];
        const same =
          earlier.periodStart === figure.periodStart && earlier.periodEnd === figure.periodEnd;
        fields[`figures.${second}.periodStart`] ??= same
          ? `repeats figures.${first} (${describe(earlier)}): give each area and period once`
          : `overlaps figures.${first} (${describe(figures[first] as Figure)}): an area’s figures must not share days`;
      }
      if (!earlier || figure.periodEnd > earlier.periodEnd) furthest = index;
    }
  }
  return fields;
}

const withLine = (fields: Record<string, string>, lines: readonly number[] | undefined) =>
  lines
    ? Object.fromEntries(
        Object.entries(fields).map(([path, problem]) => {
          const line = lines[Number(path.split('.')[1])];
          return [path, line === undefined ? problem : `${problem} (line ${line})`];
        }),
      )
    : fields;

/** Every row checked; the figures, or every problem by where it is. Never throws. */
export function checkFigures(rows: readonly unknown[], options: CheckOptions): FigureCheck {
  const fields: Record<string, string> = {};
  if (rows.length === 0) return { ok: false, fields: { figures: 'must hold at least one figure' } };
  if (rows.length > MAX_FIGURES) {
    return {
      ok: false,
      fields: { figures: `must hold at most ${MAX_FIGURES.toLocaleString('en-GB')} figures` },
    };
  }
  const checked = rows.map((row, index) => checkRow(row, options, fields, `figures.${index}`));
  for (const [path, problem] of Object.entries(clashesWithin(checked))) fields[path] ??= problem;
  if (Object.keys(fields).length > 0) return { ok: false, fields: withLine(fields, options.lines) };
  return { ok: true, figures: checked as Figure[], lines: options.lines };
}

export interface StoredFigure extends Figure {
  id: string;
}

/**
 * Each new figure that shares days with a stored figure of its area without being that figure's
 * period (the same area and period replaces it): summed side by side, the two would count the
 * same people twice.
 */
export function clashesWithStored(
  figures: readonly Figure[],
  stored: readonly StoredFigure[],
  lines?: readonly number[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  figures.forEach((figure, index) => {
    const clash = stored.find(
      (existing) =>
        existing.area === figure.area &&
        overlap(periodOf(existing), periodOf(figure)) &&
        !(existing.periodStart === figure.periodStart && existing.periodEnd === figure.periodEnd),
    );
    if (clash) {
      fields[`figures.${index}.periodStart`] =
        `overlaps the stored figure for ${describe(clash)}: give that exact period to replace it, or days it does not cover`;
    }
  });
  return withLine(fields, lines);
}
