// A schedule as a CSV file (issue 10): `message,organisation,platform,date,time`, the columns in
// any order and any case. Read with csv-parse as a stream (quoted cells, Windows line ends and a
// byte-order mark are spreadsheets' everyday output, not our domain), stopping as soon as the file
// has more rows than we take. Every problem is keyed `<line>.<column>`, the header being line 1,
// so a person finds it in their spreadsheet. Pure apart from the parser's stream.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export const IMPORT_COLUMNS = ['message', 'organisation', 'platform', 'date', 'time'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
const HEADER = IMPORT_COLUMNS.join(',');

export interface ImportRow {
  /** Its line in the file, counting the header as line 1. */
  line: number;
  cells: Record<ImportColumn, string>;
}

export type ReadImport =
  { ok: true; rows: ImportRow[] } | { ok: false; fields: Record<string, string>; message: string };

const refuse = (fields: Record<string, string>, message: string): ReadImport => ({
  ok: false,
  fields,
  message,
});

/** The text of the file, or why it is not UTF-8 text. A UTF-8 byte-order mark is fine. */
function decode(bytes: Uint8Array): string | ReadImport {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return refuse(
      { file: 'is UTF-16 text; save it as “CSV UTF-8”' },
      'The file is in UTF-16. Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and try again.',
    );
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(
      { file: 'is not UTF-8 text; save it as “CSV UTF-8”' },
      'The file is not UTF-8 text (perhaps Latin-1 or a spreadsheet’s own format). Save it as “CSV UTF-8 (comma delimited)” and try again.',
    );
  }
}

/** The reason a line cannot be read, in our words rather than the parser's. */
function unreadable(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'opens a quote that is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'has a quote inside a cell: put the whole cell in quotes and double each quote in it';
    case 'CSV_MAX_RECORD_SIZE':
      return 'is too long for a row of a schedule';
    default:
      return 'cannot be read as CSV';
  }
}

/** Which of our columns each cell of the header is, or the problems with it keyed `1.<name>`. */
function columnsOf(header: readonly string[]): (ImportColumn | null)[] | Record<string, string> {
  const names = header.map(
    (name) => IMPORT_COLUMNS.find((column) => column === name.trim().toLowerCase()) ?? null,
  );
  const fields: Record<string, string> = {};
  header.forEach((name, index) => {
    const column = names[index] ?? null;
    if (column === null) fields[`1.${name.trim() || index + 1}`] = `is not a column of ${HEADER}`;
    else if (names.indexOf(column) !== index) fields[`1.${column}`] = 'is named twice';
  });
  for (const column of IMPORT_COLUMNS)
    if (!names.includes(column)) fields[`1.${column}`] = `is missing: line 1 must name ${HEADER}`;
  return Object.keys(fields).length > 0 ? fields : names;
}

type Parsed = { record: string[]; info: { lines: number } };

export async function readImportCsv(bytes: Uint8Array): Promise<ReadImport> {
  const text = decode(bytes);
  if (typeof text !== 'string') return text;
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return refuse(
      { file: `is empty: line 1 must name ${HEADER}, and each line after it one post` },
      `The file is empty. Line 1 names the columns (${HEADER}); each line after it is one post.`,
    );
  const parser = Readable.from([text]).pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 4096,
    }),
  );
  const records: Parsed[] = [];
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) {
      records.push(parsed);
      // The header and one row more than we take is enough to refuse; the rest is never read.
      if (records.length > MAX_IMPORT_ROWS + 1) {
        parser.destroy();
        return refuse(
          { file: `has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows` },
          `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows: split it into several files.`,
        );
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : records.length + 1;
    return refuse({ [`${line}`]: unreadable(error) }, `Line ${line} ${unreadable(error)}.`);
  }
  const [header, ...body] = records;
  if (!header) return refuse({ file: `is empty` }, 'The file is empty.');
  const columns = columnsOf(header.record);
  if (!Array.isArray(columns))
    return refuse(columns, `Line 1 must name the columns ${HEADER} (in any order).`);
  if (body.length === 0)
    return refuse(
      { file: 'has no rows under the header' },
      'The file has a header but no rows: add one line per post.',
    );
  const fields: Record<string, string> = {};
  const rows = body.map(({ record, info }) => {
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, ''])) as Record<
      ImportColumn,
      string
    >;
    record.forEach((cell, index) => {
      const column = columns[index];
      if (column) cells[column] = cell.trim();
      else if (cell.trim() !== '')
        fields[`${info.lines}.${index + 1}`] = `is a cell beyond the ${columns.length} columns`;
    });
    return { line: info.lines, cells };
  });
  if (Object.keys(fields).length > 0)
    return refuse(fields, 'Some rows have more cells than the header names.');
  return { ok: true, rows };
}
