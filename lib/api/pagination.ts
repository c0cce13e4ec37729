// Lists: ?limit= (default 50, max 500) and ?cursor=, answered { items, nextCursor }. A cursor is
// the sort key of the last item, opaque to callers (base64url JSON).
import { z } from 'zod';
import { AppError } from '../errors';

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Fall through: any unreadable cursor gets the same answer.
  }
  throw new AppError(
    'validation_failed',
    'The cursor is not valid; use the nextCursor of a previous page.',
    {
      cursor: 'is not a cursor this list gave out',
    },
  );
}

/** Given `limit + 1` rows, the page and the cursor of the next one. */
export function toPage<T, K extends Record<string, string | number>>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => K,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
