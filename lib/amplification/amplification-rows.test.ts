import { describe, expect, it } from 'vitest';
import { amplificationRows, type AmplificationFacts } from './amplification-rows';

const now = new Date('2026-12-01T15:00:00Z');
const base: AmplificationFacts = {
  partners: [
    { id: 'p1', slug: 'manchester', name: 'Manchester City Council' },
    { id: 'p2', slug: 'cheshire', name: 'Cheshire East Council' },
  ],
  messages: [{ id: 'm1', title: 'Help is here', approvedAt: new Date('2026-11-30T10:00:00Z') }],
  posts: [],
  downloads: [],
  links: [],
  reminders: [],
  quiet: new Map(),
  now,
};

describe('amplification per partner and message', () => {
  it('is one row per partner and message, not shared until some path says so', () => {
    const { rows, totals } = amplificationRows(base);
    expect(rows.map((row) => [row.organisation.slug, row.shared])).toEqual([
      ['manchester', false],
      ['cheshire', false],
    ]);
    expect(totals).toMatchObject({ partners: 2, pairs: 2, shared: 0, views: null });
  });

  it('names every path a partner took, and sums only the figures that were read', () => {
    const { rows, totals, messages } = amplificationRows({
      ...base,
      posts: [
        {
          organisationId: 'p1',
          messageId: 'm1',
          platform: 'x',
          status: 'published',
          views: 120,
          engagements: 7,
        },
        {
          organisationId: 'p1',
          messageId: 'm1',
          platform: 'facebook',
          status: 'scheduled',
          views: null,
          engagements: null,
        },
        // A cancelled or failed post carried nothing.
        {
          organisationId: 'p2',
          messageId: 'm1',
          platform: 'x',
          status: 'cancelled',
          views: null,
          engagements: null,
        },
      ],
      downloads: [{ organisationId: 'p1', messageId: 'm1', count: 2 }],
      links: [{ organisationId: 'p1', messageId: 'm1', platform: 'bluesky', url: null }],
    });
    const [manchester, cheshire] = rows;
    expect(manchester).toMatchObject({
      shared: true,
      paths: ['channel', 'pack', 'link'],
      packDownloads: 2,
      views: 120,
      engagements: 7,
      remind: { allowed: false },
    });
    expect(manchester!.posts).toHaveLength(2);
    expect(cheshire).toMatchObject({
      shared: false,
      paths: [],
      posts: [],
      remind: { allowed: true },
    });
    expect(totals).toMatchObject({
      shared: 1,
      byPath: { channel: 1, pack: 1, link: 1 },
      views: 120,
    });
    expect(messages).toEqual([
      {
        id: 'm1',
        title: 'Help is here',
        approvedAt: '2026-11-30T10:00:00.000Z',
        partners: 2,
        shared: 1,
      },
    ]);
  });

  it('offers no reminder to a partner reminded within the day, and says when it was', () => {
    const at = new Date(now.getTime() - 60 * 60 * 1000);
    const { rows } = amplificationRows({
      ...base,
      reminders: [
        { organisationId: 'p2', messageId: 'm1', at: new Date(at.getTime() - 3 * 86_400_000) },
        { organisationId: 'p2', messageId: 'm1', at },
      ],
    });
    expect(rows[1]).toMatchObject({ remindedAt: at.toISOString(), remind: { allowed: false } });
    expect(rows[1]!.remind.reason).toContain('one reminder a day');
  });
});
