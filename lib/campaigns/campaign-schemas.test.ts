import { describe, expect, it } from 'vitest';
import { CampaignChange, Theme } from './campaign-schemas';

describe('a theme that is not one', () => {
  it('is named when it is text', () => {
    expect(Theme.safeParse('hope').error?.issues[0]?.message).toBe(
      'is "hope", which is not a theme: use awareness, harm, enforcement, consequences or help',
    );
  });

  it('is refused, not a crash, when it is an object that cannot be made text', () => {
    for (const input of [{ toString: 1 }, JSON.parse('{"toString": 1, "valueOf": "x"}'), [[]]]) {
      expect(Theme.safeParse(input).error?.issues[0]?.message).toBe(
        'must be one of awareness, harm, enforcement, consequences or help',
      );
    }
  });
});

describe("a campaign's dates", () => {
  it('are refused, naming the field, outside the years 2000 to 2099 (PostgreSQL has no year 0)', () => {
    for (const startsAt of [
      '0000-01-01T00:00:00Z',
      '1999-12-31T23:59:59Z',
      '9999-12-31T23:59:59Z',
    ]) {
      const issue = CampaignChange.safeParse({ startsAt }).error?.issues[0];
      expect(issue?.path).toEqual(['startsAt']);
      expect(issue?.message).toBe('must be between the years 2000 and 2099');
    }
    expect(CampaignChange.safeParse({ startsAt: '2026-12-01T00:00:00Z' }).success).toBe(true);
  });
});
