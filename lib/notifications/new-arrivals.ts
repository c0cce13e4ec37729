// Which notifications arrived since the bell last looked, to toast them: unread ones it has not
// seen, or whose count has grown since (a burst of held posts still coming in). Pure.

export interface Seen {
  /** id → the count it had when last seen. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface ArrivalCandidate {
  id: string;
  count: number;
  readAt: string | null;
}

export const NOTHING_SEEN: Seen = { counts: new Map() };

export function seenFrom(items: readonly ArrivalCandidate[]): Seen {
  return { counts: new Map(items.map((item) => [item.id, item.count])) };
}

/** The items to announce, in the order given, and what has been seen after them. */
export function newArrivals<T extends ArrivalCandidate>(
  seen: Seen,
  items: readonly T[],
): { arrived: T[]; seen: Seen } {
  const arrived = items.filter((item) => {
    if (item.readAt !== null) return false;
    const before = seen.counts.get(item.id);
    return before === undefined || item.count > before;
  });
  const counts = new Map(seen.counts);
  for (const item of items) counts.set(item.id, Math.max(item.count, counts.get(item.id) ?? 0));
  return { arrived, seen: { counts } };
}
