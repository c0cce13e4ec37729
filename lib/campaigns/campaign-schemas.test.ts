import { describe, expect, it } from 'vitest';
import { Theme } from './campaign-schemas';

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
