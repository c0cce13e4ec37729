import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, readImportCsv } from './import-csv';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'message,organisation,platform,date,time';

describe('readImportCsv', () => {
  it('reads each row with its line, the header being line 1, skipping blank lines', async () => {
    const read = await readImportCsv(
      bytes(
        `${HEADER}\nm1,lancashire,x,2027-01-04,09:00\n\nm2,cumbria,facebook,2027-01-05,10:00\n`,
      ),
    );
    expect(read).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          cells: {
            message: 'm1',
            organisation: 'lancashire',
            platform: 'x',
            date: '2027-01-04',
            time: '09:00',
          },
        },
        {
          line: 4,
          cells: {
            message: 'm2',
            organisation: 'cumbria',
            platform: 'facebook',
            date: '2027-01-05',
            time: '10:00',
          },
        },
      ],
    });
  });

  it('names a missing, unknown or repeated column on line 1', async () => {
    const read = await readImportCsv(bytes('message,Organisation,platform,date,colour,date\nx\n'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.fields).sort()).toEqual(['1.colour', '1.date', '1.time']);
  });

  it('names a cell beyond the header by its line', async () => {
    const read = await readImportCsv(bytes(`${HEADER}\nm,l,x,2027-01-04,09:00,extra\n`));
    expect(read.ok ? {} : read.fields).toEqual({ '2.6': 'is a cell beyond the 5 columns' });
  });

  it('refuses UTF-16 and bytes that are not UTF-8, and an empty file', async () => {
    for (const file of [
      new Uint8Array([0xff, 0xfe, 0x6d, 0x00]),
      new Uint8Array([0x6d, 0xe9, 0x0a]),
      bytes(' \n\n'),
      bytes('\uFEFF'),
    ]) {
      const read = await readImportCsv(file);
      expect(read.ok ? [] : Object.keys(read.fields)).toEqual(['file']);
    }
  });

  it('stops at one row more than it takes', async () => {
    const row = 'm,l,x,2027-01-04,09:00\n';
    const read = await readImportCsv(bytes(`${HEADER}\n${row.repeat(MAX_IMPORT_ROWS + 1)}`));
    expect(read.ok ? {} : read.fields).toEqual({ file: 'has more than 10,000 rows' });
  });
});

describe('readImportCsv, for any cells in any column order', () => {
  it('gives back exactly the cells a spreadsheet wrote, with or without a byte-order mark', async () => {
    const cell = fc.string({ maxLength: 20 }).map((text) => text.trim().replace(/\r/g, ''));
    const row = fc.record(
      Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cell])) as Record<
        (typeof IMPORT_COLUMNS)[number],
        fc.Arbitrary<string>
      >,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...IMPORT_COLUMNS], { minLength: 5, maxLength: 5 }),
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (order, rows, bom) => {
          // A row whose cells are all empty is a blank line, which a spreadsheet would not write.
          const kept = rows.filter((r) => Object.values(r).some((value) => value !== ''));
          if (kept.length === 0) return;
          const text = stringify([order, ...kept.map((r) => order.map((column) => r[column]))], {
            quoted_match: /^\s|\s$|^$/,
          });
          const read = await readImportCsv(bytes(`${bom ? '\uFEFF' : ''}${text}`));
          expect(read.ok).toBe(true);
          if (read.ok) expect(read.rows.map((r) => r.cells)).toEqual(kept);
        },
      ),
      { numRuns: 60 },
    );
  });
});
