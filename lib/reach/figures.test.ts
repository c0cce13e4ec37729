import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_FIGURES,
  TOTAL_NAMES,
  addReported,
  coversOf,
  engagementsOf,
  sumFigures,
  withEngagements,
} from './figures';

const figure = fc.option(fc.nat(1_000_000), { nil: null });
const figures = fc.record({
  views: figure,
  reactions: figure,
  comments: figure,
  shares: figure,
  linkClicks: figure,
});

describe('figures', () => {
  it('null is "not reported", never 0', () => {
    expect(addReported(null, null)).toBeNull();
    expect(addReported(null, 0)).toBe(0);
    expect(engagementsOf({ reactions: null, comments: null, shares: null })).toBeNull();
    expect(engagementsOf({ reactions: 3, comments: null, shares: 2 })).toBe(5);
  });

  it('a total is null only when no post has the figure, else the sum of those that do', () => {
    fc.assert(
      fc.property(fc.array(figures, { maxLength: 20 }), (rows) => {
        const posts = rows.map(withEngagements);
        const total = sumFigures(posts);
        for (const name of TOTAL_NAMES) {
          const reported = posts.map((post) => post[name]).filter((value) => value !== null);
          expect(total[name]).toBe(
            reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0),
          );
        }
      }),
    );
    expect(sumFigures([])).toEqual(NO_FIGURES);
  });

  it('says which platforms a total covers', () => {
    const covers = coversOf([
      {
        ...withEngagements({ views: 10, reactions: 1, comments: 0, shares: 0, linkClicks: 2 }),
        platform: 'x',
      },
      {
        ...withEngagements({ views: null, reactions: 4, comments: 1, shares: 0, linkClicks: null }),
        platform: 'bluesky',
      },
    ]);
    expect(covers.views).toEqual(['x']);
    expect(covers.reactions).toEqual(['bluesky', 'x']);
    expect(covers.linkClicks).toEqual(['x']);
  });
});
