import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreeSlug, SLUG_MAX_LENGTH, SLUG_PATTERN, slugFromName } from './campaign-slug';

describe('slugFromName', () => {
  it.each([
    ['Stop it Now! North West', 'stop-it-now-north-west'],
    ['  Help & Support 2026  ', 'help-and-support-2026'],
    ['Gwasanaeth Cymraeg: Ymwybyddiaeth', 'gwasanaeth-cymraeg-ymwybyddiaeth'],
    ['Café Crème', 'cafe-creme'],
    ['🚨🚨', 'campaign'],
  ])('turns %j into %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('cuts a long name at a word boundary', () => {
    const slug = slugFromName(`${'word '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('always gives a valid slug, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const slug = slugFromName(name);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      }),
    );
  });
});

describe('firstFreeSlug', () => {
  it('keeps a free slug and numbers a taken one', () => {
    expect(firstFreeSlug('summer', new Set())).toBe('summer');
    expect(firstFreeSlug('summer', new Set(['summer', 'summer-2']))).toBe('summer-3');
  });

  it('stays within the length limit when numbering a long slug', () => {
    const base = 'a'.repeat(SLUG_MAX_LENGTH);
    const slug = firstFreeSlug(base, new Set([base]));
    expect(slug).toHaveLength(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-2')).toBe(true);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
