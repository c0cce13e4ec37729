// The `where`s of a search (search-terms.ts's words): every word in the post's text or its
// message's title; every word in a message's title, body or overrides (its generated
// `search_text`). ILIKE with the pattern escaped, served by the pg_trgm indexes of migration
// 20261201201000.
import type { Prisma } from '@/prisma/generated/client';
import { escapeLike, searchWords } from './search-terms';

const ilike = (word: string) => ({ contains: escapeLike(word), mode: 'insensitive' as const });

export function postSearch(q: string | undefined): Prisma.PostWhereInput {
  const words = searchWords(q);
  if (words.length === 0) return {};
  return {
    AND: words.map((word) => ({
      OR: [{ text: ilike(word) }, { message: { title: ilike(word) } }],
    })),
  };
}

export function messageSearch(q: string | undefined): Prisma.MessageWhereInput {
  const words = searchWords(q);
  if (words.length === 0) return {};
  return { AND: words.map((word) => ({ searchText: ilike(word) })) };
}
