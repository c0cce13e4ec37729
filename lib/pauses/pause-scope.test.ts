import { describe, expect, it } from 'vitest';
import { pausesCovering, pausesCoveringSql, postsCoveredBy } from './pause-scope';

const post = { organisationId: 'org-1', channelId: 'ch-1', campaignId: 'cmp-1' };
const pause = (scope: 'global' | 'organisation' | 'channel' | 'campaign', id?: string) => ({
  scope,
  organisationId: scope === 'organisation' ? (id ?? null) : null,
  channelId: scope === 'channel' ? (id ?? null) : null,
  campaignId: scope === 'campaign' ? (id ?? null) : null,
});

describe('the posts a pause covers, as database filters', () => {
  it('a global pause covers every post; a scoped one the posts it names', () => {
    expect(postsCoveredBy(pause('global'))).toEqual({});
    expect(postsCoveredBy(pause('organisation', 'org-1'))).toEqual({ organisationId: 'org-1' });
    expect(postsCoveredBy(pause('channel', 'ch-1'))).toEqual({ channelId: 'ch-1' });
    expect(postsCoveredBy(pause('campaign', 'cmp-1'))).toEqual({ campaignId: 'cmp-1' });
  });

  it('a scoped pause that names nothing covers nothing, never everything', () => {
    expect(postsCoveredBy(pause('channel'))).toEqual({ channelId: { in: [] } });
  });

  it('finds the pauses of every scope that could cover a post', () => {
    expect(pausesCovering(post)).toEqual({
      OR: [
        { scope: 'global' },
        { scope: 'organisation', organisationId: 'org-1' },
        { scope: 'channel', channelId: 'ch-1' },
        { scope: 'campaign', campaignId: 'cmp-1' },
      ],
    });
  });

  it('says the same in SQL, matching each scope only by its own column', () => {
    expect(pausesCoveringSql('pz', 'p')).toBe(
      `(pz.scope = 'global' OR (pz.scope = 'organisation' AND pz."organisationId" = p."organisationId") OR (pz.scope = 'channel' AND pz."channelId" = p."channelId") OR (pz.scope = 'campaign' AND pz."campaignId" = p."campaignId"))`,
    );
  });
});
