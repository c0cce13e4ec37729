// When a published post's figures are read: about +1 h, +6 h, +24 h, +72 h, +7 d and +28 d after
// publishing, then never again (the platforms' figures settle, and X's non-public figures end at
// 30 days). Pure: time comes in as an argument.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Offsets from publishing of each poll, in order. */
export const POLL_OFFSETS_MS: readonly number[] = [
  1 * HOUR,
  6 * HOUR,
  24 * HOUR,
  72 * HOUR,
  7 * DAY,
  28 * DAY,
];

/** The time of poll number `pollsDone` (0-based), or null when every poll is behind the post. */
export function nextPollAt(publishedAt: Date, pollsDone: number): Date | null {
  const offset = POLL_OFFSETS_MS[pollsDone];
  return offset === undefined ? null : new Date(publishedAt.getTime() + offset);
}

/** How many of the plan's polls are due by `now`. */
export function pollsDueBy(publishedAt: Date, now: Date): number {
  const age = now.getTime() - publishedAt.getTime();
  return POLL_OFFSETS_MS.filter((offset) => offset <= age).length;
}

/**
 * After a poll at `now`: every planned poll due by now is behind the post (a late poll does not
 * leave earlier ones owed, and a refresh between two planned polls does not move the next one).
 */
export function afterPoll(publishedAt: Date, pollsDone: number, now: Date) {
  const done = Math.max(pollsDone, pollsDueBy(publishedAt, now));
  return { pollsDone: done, nextPollAt: nextPollAt(publishedAt, done) };
}
