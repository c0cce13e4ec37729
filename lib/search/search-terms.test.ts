import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLike, MAX_SEARCH_WORDS, SearchQuery, searchWords } from './search-terms';

/** PostgreSQL's LIKE with `\` as its escape, as a regular expression, to check patterns here. */
function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const character = pattern[i] ?? '';
    if (character === '\\') {
      i += 1;
      source += (pattern[i] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (character === '%') source += '[\\s\\S]*';
    else if (character === '_') source += '[\\s\\S]';
    else source += character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

describe('the words of a search', () => {
  it('are split on white space, lower-cased, each once', () => {
    expect(searchWords('  Knife   CRIME knife\tcrime\n')).toEqual(['knife', 'crime']);
    expect(searchWords('')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords('   ')).toEqual([]);
  });

  it('are at most eight', () => {
    expect(searchWords('a b c d e f g h i j')).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('never hold white space or an empty word, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (typed) => {
        for (const word of searchWords(typed)) {
          expect(word).not.toBe('');
          expect(word).not.toMatch(/\s/u);
        }
      }),
    );
  });
});

describe('a search as typed', () => {
  it('is refused when the database could not compare it', () => {
    expect(SearchQuery.safeParse('knife').success).toBe(true);
    expect(SearchQuery.safeParse('café 100% 🙂').success).toBe(true);
    expect(SearchQuery.safeParse('a\u0000b').success).toBe(false);
    expect(SearchQuery.safeParse('a\ud800b').success).toBe(false);
    expect(SearchQuery.safeParse('a'.repeat(201)).success).toBe(false);
  });
});

describe('a word in a LIKE pattern', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('help_desk')).toBe('help\\_desk');
    expect(escapeLike('a\\b')).toBe('a\\\\b');
  });

  it('matches exactly the text it came from, and only it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'é', ' '), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'é', ' '), maxLength: 12 }),
        (word, other) => {
          const pattern = likeToRegExp(escapeLike(word));
          expect(pattern.test(word)).toBe(true);
          expect(pattern.test(other)).toBe(other === word);
        },
      ),
    );
  });

  it('found anywhere (Prisma’s contains adds % either side) finds it as written', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string(), fc.string(), (word, before, after) => {
        expect(likeToRegExp(`%${escapeLike(word)}%`).test(before + word + after)).toBe(true);
      }),
    );
  });
});
