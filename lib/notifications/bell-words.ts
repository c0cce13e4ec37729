// What the bell says: its badge and its accessible name. Pure (the header renders it).

/** How many notifications the bell's popover lists. */
export const BELL_FEED_SIZE = 5;

/** The badge's text: the count, or "99+" past 99 (a wider badge would push the header about). */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(Math.max(0, Math.floor(unread)));
}

/** The bell's name for a screen reader or a speech user: "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${badgeText(unread)} unread` : 'Notifications, none unread';
}

/**
 * The title to show: the dispatcher writes the count into a grouped one's title ("14 posts held
 * by the pause on every organisation"); when a title does not carry it, it is added.
 */
export function titleWithCount(title: string, count: number): string {
  if (count <= 1) return title;
  // As a number alone, or as the dispatcher writes a large one ("1,204 posts").
  const written = [String(count), count.toLocaleString('en-GB')];
  const carries = written.some((number) =>
    new RegExp(`(^|[^\\d,])${number}(?!\\d|,\\d)`).test(title),
  );
  if (carries) return title;
  return `${title} (${count.toLocaleString('en-GB')})`;
}

/**
 * Where following a notification goes: its link when that is a path in this app, else the
 * notifications page. A link is written by our own dispatcher, but an href is the one place a
 * stored "javascript:" or "//elsewhere" would become something a click runs.
 */
export function inAppHref(link: string): string {
  return /^\/(?![/\\])/.test(link) ? link : '/notifications';
}
