// The `where`s of a search (search-terms.ts's words): every word in the post's text or its
// message's title; every word in a message's title, body or overrides (its generated
// `search_text`). ILIKE with the pattern escaped, served by the pg_trgm indexes of migration
// 20261201201000.
import type { Prisma } from '@/prisma/generated/client';
import { db } from '../db';
import { escapeLike, searchWords } from './search-terms';

const ilike = (word: string) => ({ contains: escapeLike(word), mode: 'insensitive' as const });

/**
 * The messages whose titles hold a word are looked up first (a small table, its own index): as
 * a relation filter inside the OR, PostgreSQL could use no index on posts at all, while
 * `text ILIKE … OR "messageId" IN (…)` is two index scans of posts, OR-ed.
 */
export async function postSearch(q: string | undefined): Promise<Prisma.PostWhereInput> {
  const words = searchWords(q);
  if (words.length === 0) return {};
  const titled = await Promise.all(
    words.map((word) =>
      db.message.findMany({ where: { title: ilike(word) }, select: { id: true } }),
    ),
  );
  return {
    AND: words.map((word, index) => ({
      OR: [
        { text: ilike(word) },
        { messageId: { in: (titled[index] ?? []).map((message) => message.id) } },
      ],
    })),
  };
}

export function messageSearch(q: string | undefined): Prisma.MessageWhereInput {
  const words = searchWords(q);
  if (words.length === 0) return {};
  return { AND: words.map((word) => ({ searchText: ilike(word) })) };
}
