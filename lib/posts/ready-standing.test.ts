import { describe, expect, it } from 'vitest';
import { channelStanding, RECENTLY_PUBLISHED_DAYS } from './ready-standing';

const t = (iso: string) => new Date(iso);
const now = t('2026-12-01T09:00:00Z');

describe('where a message stands on a channel', () => {
  it('waits when nothing of it is on the channel', () => {
    expect(channelStanding([], now)).toEqual({
      waiting: true,
      scheduledAt: [],
      lastPublishedAt: null,
      warnings: [],
    });
  });

  it('is not waiting, and says so, while a post of it is still to go out there', () => {
    const standing = channelStanding(
      [
        { status: 'held', scheduledAt: t('2026-12-03T12:30:00Z'), publishedAt: null },
        { status: 'cancelled', scheduledAt: t('2026-12-02T12:30:00Z'), publishedAt: null },
      ],
      now,
    );
    expect(standing.waiting).toBe(false);
    expect(standing.warnings).toEqual([
      'Already on the schedule here for Thu 3 Dec 2026, 12:30 GMT (held).',
    ]);
  });

  it(`warns when it was published there in the last ${RECENTLY_PUBLISHED_DAYS} days, and waits`, () => {
    const standing = channelStanding(
      [
        {
          status: 'published',
          scheduledAt: t('2026-11-28T12:30:00Z'),
          publishedAt: t('2026-11-28T12:30:05Z'),
        },
      ],
      now,
    );
    expect(standing.waiting).toBe(true);
    expect(standing.warnings).toEqual(['Published here 3 days ago (Sat 28 Nov 2026, 12:30 GMT).']);
  });

  it('says nothing of a publication longer ago than that', () => {
    const standing = channelStanding(
      [{ status: 'published', scheduledAt: t('2026-11-01T12:30:00Z'), publishedAt: null }],
      now,
    );
    expect(standing).toMatchObject({ waiting: true, warnings: [] });
    expect(standing.lastPublishedAt).toEqual(t('2026-11-01T12:30:00Z'));
  });
});
