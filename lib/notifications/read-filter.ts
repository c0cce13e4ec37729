// The notifications page's "Show" filter and what it asks the list for. Pure: the filter
// (a client component) and the page (a server component) both read it.
export const READ_FILTERS = ['all', 'unread', 'read'] as const;
export type ReadFilter = (typeof READ_FILTERS)[number];

/** The filter named in the address, or all when it names none of them. */
export function readFilter(value: string | undefined): ReadFilter {
  return READ_FILTERS.find((filter) => filter === value) ?? 'all';
}

/** The list query's `unread` for the filter. */
export function unreadParameter(filter: ReadFilter): 'true' | 'false' | undefined {
  return filter === 'all' ? undefined : filter === 'unread' ? 'true' : 'false';
}
