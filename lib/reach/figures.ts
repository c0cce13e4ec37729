// The normalised figures of API.md and the one way they add up. A figure a platform does not
// report is null, never 0: a sum over posts is null only when no post in it has that figure, and
// `covers` says which platforms a total is made of, since views on X and views on Facebook are not
// the same thing.
import type { Platform } from '../platforms/types';

export const FIGURE_NAMES = ['views', 'reactions', 'comments', 'shares', 'linkClicks'] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/** A post's figures (null: not reported by its platform). */
export type Figures = Record<FigureName, number | null>;

/** Figures with engagements, as API.md answers them. */
export type FiguresWithEngagements = Figures & { engagements: number | null };

export const TOTAL_NAMES = [...FIGURE_NAMES, 'engagements'] as const;
export type TotalName = (typeof TOTAL_NAMES)[number];

export const FIGURE_LABELS: Record<TotalName, string> = {
  views: 'Views',
  reactions: 'Reactions',
  comments: 'Comments',
  shares: 'Shares',
  linkClicks: 'Link clicks',
  engagements: 'Engagements',
};

/** Adds numbers that may be absent: null + null is null, null + 3 is 3. */
export function addReported(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a + b;
}

/** reactions + comments + shares, of those reported; null when none of the three is. */
export function engagementsOf(figures: Pick<Figures, 'reactions' | 'comments' | 'shares'>) {
  return addReported(addReported(figures.reactions, figures.comments), figures.shares);
}

export function withEngagements(figures: Figures): FiguresWithEngagements {
  return { ...figures, engagements: engagementsOf(figures) };
}

export const NO_FIGURES: FiguresWithEngagements = {
  views: null,
  reactions: null,
  comments: null,
  shares: null,
  linkClicks: null,
  engagements: null,
};

/** Sums posts' figures the way every total in Signpost is made. */
export function sumFigures(rows: readonly FiguresWithEngagements[]): FiguresWithEngagements {
  const total = { ...NO_FIGURES };
  for (const row of rows) {
    for (const name of TOTAL_NAMES) total[name] = addReported(total[name], row[name]);
  }
  return total;
}

/**
 * The platforms whose posts count in each total: "views" of a set of posts on X, Facebook and
 * Bluesky is made of X's and Facebook's views only, and a chart says so.
 */
export type Covers = Record<TotalName, Platform[]>;

export function coversOf(rows: readonly (FiguresWithEngagements & { platform: Platform })[]) {
  const covers = Object.fromEntries(
    TOTAL_NAMES.map((name) => [name, new Set<Platform>()]),
  ) as Record<TotalName, Set<Platform>>;
  for (const row of rows) {
    for (const name of TOTAL_NAMES) if (row[name] !== null) covers[name].add(row.platform);
  }
  return Object.fromEntries(
    TOTAL_NAMES.map((name) => [name, [...covers[name]].sort()]),
  ) as unknown as Covers;
}
