import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platforms/types';
import { rulesFor } from '../platforms/rules';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { SignpostUpdate } from './update-signpost';

const update = (fields: Record<string, unknown> = {}) => ({
  helplineName: DEFAULT_SIGNPOST.helplineName,
  phone: DEFAULT_SIGNPOST.phone,
  url: DEFAULT_SIGNPOST.url,
  wording: DEFAULT_SIGNPOST.wording,
  ...fields,
});

describe('SignpostUpdate', () => {
  it('accepts the first signpost as it is', () => {
    expect(SignpostUpdate.safeParse(update()).error?.issues ?? []).toEqual([]);
  });

  it('accepts a phone number of 10 to 13 digits, however it is spaced, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 16 }),
        fc.constantFrom(' ', '-', ''),
        (digits, gap) => {
          const phone = digits.join(gap);
          const ok = SignpostUpdate.safeParse(update({ phone })).success;
          expect(ok).toBe(digits.length >= 10 && digits.length <= 13);
        },
      ),
    );
  });

  it('asks for {url} exactly where links are clickable', () => {
    for (const platform of PLATFORMS) {
      const wording = {
        ...DEFAULT_SIGNPOST.wording,
        [platform]: { full: 'Call {phone}', short: 'Call {phone}' },
      };
      const result = SignpostUpdate.safeParse(update({ wording }));
      expect(result.success, platform).toBe(!rulesFor(platform).linksClickable);
      if (!result.success) {
        expect(result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
          `wording.${platform}.full`,
          `wording.${platform}.short`,
        ]);
      }
    }
  });
});
