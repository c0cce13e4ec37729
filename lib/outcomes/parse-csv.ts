// A CSV upload of help-seeking figures, `area,periodStart,periodEnd,contacts` (any order, names
// in any case), read with csv-parse: quoted cells, a byte-order mark, Windows line ends and cells
// that hold a line break are the charity's spreadsheets' everyday output, not our domain. Each row
// keeps its line in the file, so a problem is named both ways (`figures.3.contacts`, line 5). Pure.
import { CsvError, parse } from 'csv-parse/sync';
import { type CheckOptions, type FigureCheck, checkFigures } from './check-figures';

const COLUMNS = ['area', 'periodStart', 'periodEnd', 'contacts'] as const;
const HEADER = COLUMNS.join(',');

export type CsvRows =
  | {
      ok: true;
      rows: Record<string, unknown>[];
      lines: number[];
      /** Rows that do not have one cell per column, named. */
      fields: Record<string, string>;
    }
  | { ok: false; fields: Record<string, string> };

/** The reason a line cannot be read, in our words rather than the parser's. */
function unreadable(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'opens a quote that is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'has a quote inside a cell: put the whole cell in quotes and double each quote in it';
    case 'CSV_MAX_RECORD_SIZE':
      return 'is too long for a row of figures';
    default:
      return 'cannot be read as CSV';
  }
}

const asNumber = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : text);

/** The header's columns as ours (case aside), or what is wrong with it. */
function columnsOf(header: readonly string[]): string[] | string {
  const names = header.map((name) => COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()));
  const unknown = header.filter((_, index) => names[index] === undefined);
  const missing = COLUMNS.filter((column) => !names.includes(column));
  const repeated = names.filter((name, index) => name && names.indexOf(name) !== index);
  if (unknown.length === 0 && missing.length === 0 && repeated.length === 0)
    return names as string[];
  const problems = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    unknown.length > 0 ? `unknown ${unknown.map((name) => `“${name}”`).join(', ')}` : '',
    repeated.length > 0 ? `repeated ${[...new Set(repeated)].join(', ')}` : '',
  ].filter(Boolean);
  return `must name the columns ${HEADER} on line 1 (${problems.join('; ')})`;
}

/** The file's rows as figures to check (check-figures.ts), or what stops it being read. */
export function parseFiguresCsv(text: string): CsvRows {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read (its typing knows only rows of text).
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 4096,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    const index = typeof error.records === 'number' ? error.records - 1 : -1;
    const where = index < 0 ? 'header' : `figures.${index}`;
    return {
      ok: false,
      fields: { [where]: `${unreadable(error)}${line ? ` (line ${line})` : ''}` },
    };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, fields: { header: `must name the columns ${HEADER}` } };
  const columns = columnsOf(header.record);
  if (typeof columns === 'string') return { ok: false, fields: { header: columns } };
  const fields: Record<string, string> = {};
  const rows = body.map(({ record, info }, index) => {
    if (record.length !== columns.length) {
      fields[`figures.${index}`] =
        `has ${record.length} ${record.length === 1 ? 'cell' : 'cells'}; each row needs ${columns.length}: ${HEADER} (line ${info.lines})`;
    }
    return Object.fromEntries(
      columns.map((column, at) => {
        const cell = record[at] ?? '';
        return [column, column === 'contacts' ? asNumber(cell) : cell];
      }),
    );
  });
  if (rows.length === 0)
    return { ok: false, fields: { figures: 'must hold at least one row under the header' } };
  return { ok: true, rows, lines: body.map(({ info }) => info.lines), fields };
}

/** A CSV upload read and every row checked: the figures, or every problem named. Never throws. */
export function checkFiguresCsv(text: string, options: Omit<CheckOptions, 'lines'>): FigureCheck {
  const read = parseFiguresCsv(text);
  if (!read.ok) return read;
  const checked = checkFigures(read.rows, { ...options, lines: read.lines });
  if (checked.ok && Object.keys(read.fields).length === 0) return checked;
  // A row without one cell per column is named once, not once per cell it lacks.
  const fields = { ...read.fields };
  for (const [path, problem] of Object.entries(checked.ok ? {} : checked.fields)) {
    const row = path.split('.').slice(0, 2).join('.');
    if (!(row in read.fields)) fields[path] ??= problem;
  }
  return { ok: false, fields };
}
