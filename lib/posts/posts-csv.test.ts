import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PostView } from './post-view';
import { defuseCell, POSTS_CSV_COLUMNS, postCsvRow, postsCsvFilename } from './posts-csv';

const post: PostView = {
  id: 'p1',
  messageId: 'm1',
  messageTitle: 'Help is available',
  campaignId: 'c1',
  channelId: 'ch1',
  channel: { handle: '@LancsPolice', status: 'active' },
  organisationId: 'o1',
  organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
  platform: 'x',
  language: 'en',
  pairId: null,
  // The spring clocks change, 2026: 01:00 GMT becomes 02:00 BST.
  scheduledAt: '2026-03-29T01:30:00.000Z',
  status: 'published',
  text: 'Worried? Call 0808 1000 900.',
  signpostVersion: 1,
  externalId: '123',
  externalUrl: 'https://x.example/LancsPolice/status/123',
  attempts: 1,
  lastError: null,
  heldReason: null,
  nextAttemptAt: null,
  publishedAt: '2026-03-29T01:30:05.000Z',
  actions: [],
};

describe('a post as a CSV row', () => {
  it('has a cell per column, its times in UK time and ISO 8601', () => {
    const row = postCsvRow(post);
    expect(row).toHaveLength(POSTS_CSV_COLUMNS.length);
    const cell = (name: (typeof POSTS_CSV_COLUMNS)[number]) => row[POSTS_CSV_COLUMNS.indexOf(name)];
    expect(cell('scheduledAtUk')).toBe('Sun 29 Mar 2026, 02:30 BST');
    expect(cell('scheduledAt')).toBe('2026-03-29T01:30:00.000Z');
    expect(cell('publishedAt')).toBe('2026-03-29T01:30:05.000Z');
    expect(cell('externalUrl')).toBe('https://x.example/LancsPolice/status/123');
    expect(cell('organisation')).toBe('Lancashire Constabulary');
  });

  it('leaves what a post does not have empty', () => {
    const row = postCsvRow({ ...post, publishedAt: null, externalUrl: null, status: 'scheduled' });
    expect(row[POSTS_CSV_COLUMNS.indexOf('publishedAtUk')]).toBe('');
    expect(row[POSTS_CSV_COLUMNS.indexOf('externalUrl')]).toBe('');
  });

  it('says why a post is held or failed', () => {
    const row = postCsvRow({ ...post, status: 'held', heldReason: 'Paused by the lead' });
    expect(row[POSTS_CSV_COLUMNS.indexOf('problem')]).toBe('Paused by the lead');
  });

  it('writes a message title or text a spreadsheet would run as a formula as text', () => {
    const row = postCsvRow({ ...post, messageTitle: '@SUM(A1)', text: '=1+1' });
    expect(row[POSTS_CSV_COLUMNS.indexOf('messageTitle')]).toBe("'@SUM(A1)");
    expect(row[POSTS_CSV_COLUMNS.indexOf('text')]).toBe("'=1+1");
  });
});

describe('a defused cell', () => {
  it('never starts with a formula character, and keeps the rest as it was', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = defuseCell(value);
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(cell === value || cell === `'${value}`).toBe(true);
      }),
    );
  });
});

describe('the file name', () => {
  it('is the UK day it was made', () => {
    expect(postsCsvFilename(new Date('2026-06-30T23:30:00Z'))).toBe('schedule-2026-07-01.csv');
  });
});
