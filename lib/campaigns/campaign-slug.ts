// Campaign slugs: the campaign's name in a URL and in every signpost link's utm_campaign tag, so
// the charity's analytics can tell campaigns apart. Pure.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

const COMBINING_MARKS = /\p{M}/gu;
const NOT_SLUG = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

/** "Stop it Now! North West" → "stop-it-now-north-west". Never empty: "campaign" when no letters. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(NOT_SLUG, '-')
    .replace(EDGE_DASHES, '');
  if (slug === '') return 'campaign';
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  // Cut at a word boundary where there is one, so the slug does not end mid-word.
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(EDGE_DASHES, '');
}

/**
 * `base`, or `base-2`, `base-3`, … : the first that is not in `taken`. The suffix replaces the end
 * of a long base so the result stays within the length limit.
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(EDGE_DASHES, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
