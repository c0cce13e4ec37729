// What a search box's words become (issue 10, "Search and find"): each word must appear somewhere
// in the searched text, in any case, as written: `%` and `_` are letters to look for, not LIKE
// wildcards. Pure; the queries in lib/posts and lib/messages turn the words into `where`s.
import { z } from 'zod';

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;
const UNSEARCHABLE =
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** The `q` of a list: up to 200 characters of words; blank is no search. */
export const SearchQuery = z
  .string()
  .max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`)
  // The pages parse `q` themselves (the API refuses such text before any schema): PostgreSQL
  // cannot compare a NUL or a lone surrogate, and no post contains one.
  .refine((q) => !UNSEARCHABLE.test(q), 'Search for letters, numbers and punctuation only.')
  .meta({
    description:
      'words that must all appear (any case) in the title or text; % and _ are matched as written',
  });

/**
 * The distinct words of a search, in order: split on white space, at most 8 (more would only
 * slow the query while finding nothing new), compared in lower case.
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .normalize('NFC')
    .split(/\s+/u)
    .map((word) => word.toLocaleLowerCase('en-GB'))
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * `word` for a LIKE pattern, its `\`, `%` and `_` escaped with a backslash (PostgreSQL’s LIKE escape). Prisma's
 * `contains` puts the `%` either side but escapes nothing (a search for "%" would find everything).
 */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}
