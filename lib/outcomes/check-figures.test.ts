import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION } from './areas';
import { checkFigures, clashesWithStored } from './check-figures';
import { checkFiguresCsv } from './parse-csv';

const AREAS = ['Cheshire', 'Cumbria', 'Lancashire', REGION];
const good = {
  area: 'Lancashire',
  periodStart: '2018-02-01',
  periodEnd: '2018-07-31',
  contacts: 861,
};

describe('checking an upload of help-seeking figures', () => {
  it('accepts good figures, spelling the area as the database does', () => {
    const checked = checkFigures([{ ...good, area: ' lancashire ' }], { areas: AREAS });
    expect(checked).toEqual({ ok: true, figures: [good], lines: undefined });
  });

  it('names every bad row by where it is', () => {
    const checked = checkFigures(
      [
        good,
        { ...good, area: 'Manchester' },
        { ...good, contacts: 1.5 },
        { ...good, periodStart: '2018-02-30' },
        { ...good, area: 'Cumbria', periodEnd: '2018-01-01' },
        { ...good, extra: 1 },
      ],
      { areas: AREAS },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.fields).sort()).toEqual([
      'figures.1.area',
      'figures.2.contacts',
      'figures.3.periodStart',
      'figures.4.periodEnd',
      'figures.5.extra',
    ]);
    expect(checked.fields['figures.1.area']).toContain(
      'Cheshire, Cumbria, Lancashire or North West',
    );
  });

  it('refuses the same area and period twice, and figures of one area that share days', () => {
    const checked = checkFigures(
      [
        good,
        { ...good, contacts: 1 },
        { ...good, periodStart: '2018-07-01', periodEnd: '2018-08-31' },
      ],
      { areas: AREAS },
    );
    expect(checked.ok ? {} : checked.fields).toEqual({
      'figures.1.periodStart': expect.stringContaining('repeats figures.0'),
      'figures.2.periodStart': expect.stringContaining('overlaps figures.0'),
    });
  });

  it('refuses a figure overlapping a stored one of its area, but not one replacing it', () => {
    const stored = [{ id: 'x', ...good, periodStart: '2018-01-01', periodEnd: '2018-03-31' }];
    expect(clashesWithStored([good], stored)).toEqual({
      'figures.0.periodStart': expect.stringContaining('overlaps the stored figure'),
    });
    expect(
      clashesWithStored([{ ...good, periodStart: '2018-01-01', periodEnd: '2018-03-31' }], stored),
    ).toEqual({});
    expect(clashesWithStored([{ ...good, area: 'Cumbria' }], stored)).toEqual({});
  });

  it('never throws, and names a field for anything it refuses (property)', () => {
    const row = fc.oneof(
      fc.anything(),
      fc.record(
        {
          area: fc.oneof(fc.constantFrom(...AREAS, 'Nowhere', ''), fc.string()),
          periodStart: fc.oneof(fc.constantFrom('2018-02-01', '2018-13-01'), fc.string()),
          periodEnd: fc.oneof(fc.constantFrom('2018-07-31', '2017-01-01'), fc.string()),
          contacts: fc.oneof(fc.integer(), fc.double(), fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const checked = checkFigures(rows, { areas: AREAS });
        if (checked.ok) {
          expect(checked.figures).toHaveLength(rows.length);
          for (const figure of checked.figures) expect(AREAS).toContain(figure.area);
        } else {
          const names = Object.keys(checked.fields);
          expect(names.length).toBeGreaterThan(0);
          for (const name of names) expect(name).toMatch(/^figures(\.\d+(\..*)?)?$/s);
        }
      }),
    );
  });
});

describe('reading a CSV upload', () => {
  const header = 'area,periodStart,periodEnd,contacts';

  it('reads quoted cells, a byte-order mark, Windows line ends and blank lines', () => {
    const text = `\ufeff${header}\r\n"Lancashire",2018-02-01,2018-07-31,861\r\n\r\ncumbria,2018-02-01,2018-07-31,286\r\n`;
    const checked = checkFiguresCsv(text, { areas: AREAS });
    expect(checked.ok && checked.figures.map((figure) => [figure.area, figure.contacts])).toEqual([
      ['Lancashire', 861],
      ['Cumbria', 286],
    ]);
  });

  it('takes the columns in any order and any case', () => {
    const checked = checkFiguresCsv(
      'CONTACTS,area,periodend,periodStart\n5,Cheshire,2018-01-31,2018-01-01\n',
      {
        areas: AREAS,
      },
    );
    expect(checked.ok && checked.figures).toEqual([
      { area: 'Cheshire', periodStart: '2018-01-01', periodEnd: '2018-01-31', contacts: 5 },
    ]);
  });

  it('names each bad row with its line, a row split by a quoted line break included', () => {
    const text = [
      header,
      '"Lanca\nshire",2018-02-01,2018-07-31,10',
      'Cumbria,2018-02-01,2018-07-31,twelve',
      'Cheshire,2018-02-01,2018-07-31',
      'Cheshire,2018-02-01,2018-07-31,-4',
    ].join('\n');
    const checked = checkFiguresCsv(text, { areas: AREAS });
    expect(checked.ok ? {} : checked.fields).toEqual({
      'figures.0.area': expect.stringContaining('(line 3)'),
      'figures.1.contacts': 'must be a whole number of 0 or more, such as 350 (line 4)',
      'figures.2': expect.stringContaining('has 3 cells'),
      'figures.3.contacts': expect.stringContaining('(line 6)'),
    });
  });

  it('says what is wrong with the header', () => {
    const checked = checkFiguresCsv('area,start,contacts\nx,y,z\n', { areas: AREAS });
    expect(checked.ok ? {} : checked.fields.header).toContain('missing periodStart, periodEnd');
  });

  it('names a line it cannot read at all', () => {
    const checked = checkFiguresCsv(`${header}\nCumbria,2018-02-01,2018-07-31,1\n"Cheshire,x\n`, {
      areas: AREAS,
    });
    expect(checked.ok ? {} : checked.fields).toEqual({
      'figures.1': expect.stringContaining('never closed'),
    });
  });

  it('never throws on any text, and names a field for anything it refuses (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        'Lancashire',
        '2018-02-01',
        '2018-07-31',
        '12',
        '"',
        '""',
        ',',
        '\n',
        '\r\n',
        '',
      ),
      fc.string(),
    );
    const text = fc.oneof(
      fc.string(),
      fc
        .array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 })
        .map((rows) => [header, ...rows.map((row) => row.join(','))].join('\n')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const checked = checkFiguresCsv(input, { areas: AREAS });
        if (!checked.ok) expect(Object.keys(checked.fields).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
