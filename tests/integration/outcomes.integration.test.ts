// Help-seeking figures through the API (issue 7, point 6): imported all or nothing, as JSON or
// CSV, each bad row named; compared over two periods with the seed's published results; and
// imported by campaign leads only.
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as compare } from '@/app/api/v1/outcomes/compare/route';
import { GET as list, POST as importFigures } from '@/app/api/v1/outcomes/route';
import { db } from '@/lib/db';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { everyTableRowCount } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
interface Compared {
  areas: {
    area: string;
    before: number | null;
    during: number | null;
    change: number | null;
    illustrative: boolean;
  }[];
  total: { before: number | null; during: number | null; change: number | null; basis: string };
  sources: string[];
}

const LEAD = 'lead@nw-rocu.example';
const COMMS = 'comms@lancashire.example';
const SEED_PERIODS = { before: '2017-07-01/2018-01-31', during: '2018-02-01/2018-07-31' };
const HEADER = 'area,periodStart,periodEnd,contacts';

const percent = (change: number | null) => (change === null ? null : Math.round(change * 100));

beforeEach(async () => {
  await resetDatabase();
  // Issued now, so the row counts a test takes already hold them.
  forgetTokens();
  await tokenFor(LEAD);
  await tokenFor(COMMS);
});

async function csv(text: string, source = 'Stop it Now! quarterly figures', email = LEAD) {
  return call<ErrorBody>(importFigures, '/outcomes', {
    token: await tokenFor(email),
    rawBody: text,
    contentType: 'text/csv; charset=utf-8',
    query: { source },
  });
}

describe('comparing help-seeking figures', () => {
  it('gives the seed’s published results: North West 1,747 → 3,549 (+103 %) and the three counties', async () => {
    const { status, body } = await call<Compared>(compare, '/outcomes/compare', {
      token: await tokenFor(COMMS),
      query: SEED_PERIODS,
    });
    expect(status).toBe(200);
    expect(body.total).toMatchObject({ before: 1747, during: 3549, basis: 'region' });
    expect(percent(body.total.change)).toBe(103);
    const byArea = Object.fromEntries(body.areas.map((row) => [row.area, row]));
    expect(percent(byArea.Lancashire?.change ?? null)).toBe(146);
    expect(percent(byArea.Cheshire?.change ?? null)).toBe(193);
    expect(percent(byArea.Cumbria?.change ?? null)).toBe(186);
    expect(body.areas.filter((row) => row.illustrative).map((row) => row.area)).toEqual([
      'Greater Manchester',
      'Merseyside',
      'North Wales',
    ]);
    // The counties add up to the region's published totals.
    expect(body.areas.reduce((sum, row) => sum + (row.before ?? 0), 0)).toBe(1747);
    expect(body.areas.reduce((sum, row) => sum + (row.during ?? 0), 0)).toBe(3549);
  });

  it('refuses a period that is not from/to, naming it', async () => {
    const { status, body } = await call<ErrorBody>(compare, '/outcomes/compare', {
      token: await tokenFor(COMMS),
      query: { before: '2018-01-31/2017-07-01', during: 'last year' },
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(['before', 'during']);
  });
});

describe('importing help-seeking figures', () => {
  it('refuses an upload with bad rows, naming each, and writes nothing (CSV)', async () => {
    const before = await everyTableRowCount();
    const { status, body } = await csv(
      [
        HEADER,
        'Merseyside,2018-02-01,2018-07-31,612',
        'Atlantis,2018-02-01,2018-07-31,5',
        'Cumbria,2018-02-01,2018-07-31,lots',
        'Cheshire,2018-07-31,2018-02-01,5',
      ].join('\n'),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual([
      'figures.1.area',
      'figures.2.contacts',
      'figures.3.periodEnd',
    ]);
    expect(body.error.fields?.['figures.2.contacts']).toContain('line 4');
    expect(await everyTableRowCount()).toEqual(before);
  });

  it('refuses an upload with bad rows, naming each, and writes nothing (JSON)', async () => {
    const before = await everyTableRowCount();
    const { status, body } = await call<ErrorBody>(importFigures, '/outcomes', {
      token: await tokenFor(LEAD),
      body: {
        source: 'Stop it Now! quarterly figures',
        figures: [
          { area: 'Merseyside', periodStart: '2018-02-01', periodEnd: '2018-07-31', contacts: 612 },
          { area: 'Merseyside', periodStart: '2018-02-01', periodEnd: '2018-02-30', contacts: 1 },
          { area: 'Cumbria', periodStart: '2018-02-01', periodEnd: '2018-07-31', contacts: -1 },
          { area: 'Cheshire', periodStart: '2018-01-01', periodEnd: '2018-03-31', contacts: 9 },
        ],
      },
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual([
      'figures.1.periodEnd',
      'figures.2.contacts',
    ]);
    expect(await everyTableRowCount()).toEqual(before);
  });

  it('refuses a figure that shares days with a stored one of its area, and writes nothing', async () => {
    const before = await everyTableRowCount();
    const { status, body } = await csv(`${HEADER}\nCheshire,2018-01-01,2018-03-31,9\n`);
    expect(status).toBe(400);
    expect(body.error.fields?.['figures.0.periodStart']).toContain('overlaps the stored figure');
    expect(await everyTableRowCount()).toEqual(before);
  });

  it('imports a CSV, replacing the illustrative figure of the same period, with an audit entry', async () => {
    const { status, body } = await csv(
      `${HEADER}\r\nMerseyside,2018-02-01,2018-07-31,612\r\nmerseyside,2018-08-01,2018-08-31,101\r\n`,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ imported: 2, replaced: 1 });
    const { body: listed } = await call<{ items: { contacts: number; illustrative: boolean }[] }>(
      list,
      '/outcomes',
      { token: await tokenFor(COMMS), query: { area: 'Merseyside', from: '2018-02-01' } },
    );
    expect(listed.items.map((item) => [item.contacts, item.illustrative])).toEqual([
      [612, false],
      [101, false],
    ]);
    const audit = await db.auditEvent.findMany({ where: { action: 'outcome.imported' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorLabel).toContain(LEAD);
  });

  it('imports JSON, and the comparison follows', async () => {
    const { status } = await call(importFigures, '/outcomes', {
      token: await tokenFor(LEAD),
      body: {
        source: 'Stop it Now! figures for Merseyside',
        figures: [
          { area: 'Merseyside', periodStart: '2017-07-01', periodEnd: '2018-01-31', contacts: 300 },
          { area: 'Merseyside', periodStart: '2018-02-01', periodEnd: '2018-07-31', contacts: 600 },
        ],
      },
    });
    expect(status).toBe(201);
    const { body } = await call<Compared>(compare, '/outcomes/compare', {
      token: await tokenFor(LEAD),
      query: SEED_PERIODS,
    });
    expect(body.areas.find((row) => row.area === 'Merseyside')).toEqual({
      area: 'Merseyside',
      before: 300,
      during: 600,
      change: 1,
      illustrative: false,
    });
    // The region's published totals stand, whatever a county's figure becomes.
    expect(body.total).toMatchObject({ before: 1747, during: 3549 });
    expect(body.sources).toContain('Stop it Now! figures for Merseyside');
  });

  it('does not let a comms officer import (403), and writes nothing', async () => {
    const before = await everyTableRowCount();
    const { status, body } = await csv(
      `${HEADER}\nLancashire,2018-08-01,2018-08-31,5\n`,
      'x source',
      COMMS,
    );
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
    expect(await everyTableRowCount()).toEqual(before);
  });

  it('asks for the source of a CSV upload', async () => {
    const { status, body } = await call<ErrorBody>(importFigures, '/outcomes', {
      token: await tokenFor(LEAD),
      rawBody: `${HEADER}\nLancashire,2018-08-01,2018-08-31,5\n`,
      contentType: 'text/csv',
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {})).toEqual(['source']);
  });

  it('keeps a lead’s figure when the seed runs again', async () => {
    await csv(`${HEADER}\nNorth Wales,2018-02-01,2018-07-31,321\n`);
    const { seed } = await import('@/prisma/seed');
    await seed();
    const row = await db.helpSeekingFigure.findFirstOrThrow({
      where: { area: 'North Wales', periodStart: new Date('2018-02-01T00:00:00Z') },
    });
    expect([row.contacts, row.illustrative]).toEqual([321, false]);
  });
});
