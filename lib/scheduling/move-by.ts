// Moving a post by a number of minutes, as a bulk "move" asks (issue 10). People move posts by
// minutes, hours or days, and the API takes them all as minutes (a day is 1,440). Whole days are
// calendar days on the UK clock: a post at 09:00 moved by a day is at 09:00 the next day, even
// when the clocks change in between (that day is 23 or 25 hours long). What is left over after
// the whole days is elapsed time: a move by 90 minutes is 90 minutes later on any day. So
// `minutes` = days × 1440 + rest, with days = the whole days toward zero (-1500 is a day back,
// then 60 minutes back), and the days move first. Pure.
import { Temporal } from 'temporal-polyfill';
import { resolveLocalTime, UK_TIME_ZONE } from './london-time';

export const MINUTES_PER_DAY = 1440;

export type MovedTime = { kind: 'ok'; instant: Date } | { kind: 'nonexistent'; message: string };

/**
 * The instant `minutes` after `instant` (before, when negative), by the rule above. Moving by
 * whole days onto a time the clocks skip (01:30 on the last Sunday in March) names no instant:
 * the post is refused with the clock change in words, never guessed forward. Onto a time that
 * happens twice (01:30 on the last Sunday in October), the one with the post's own UTC offset is
 * taken: it is exactly days × 24 hours away, the move the person made on a day without a change.
 */
export function moveBy(instant: Date, minutes: number, zone: string = UK_TIME_ZONE): MovedTime {
  if (!Number.isInteger(minutes)) throw new RangeError(`minutes must be whole, not ${minutes}`);
  const days = Math.trunc(minutes / MINUTES_PER_DAY);
  const rest = minutes - days * MINUTES_PER_DAY;
  let moved = instant.getTime();
  if (days !== 0) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(moved).toZonedDateTimeISO(zone);
    const wall = zoned.toPlainDateTime().add({ days });
    const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
    const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
    if (!earlier.toPlainDateTime().equals(wall)) {
      // In the gap: the words are london-time's own, for the minute the post would have had.
      const local = {
        date: wall.toPlainDate().toString(),
        time: wall.toPlainTime().toString({ smallestUnit: 'minute' }),
      };
      const resolved = resolveLocalTime(local, zone);
      return {
        kind: 'nonexistent',
        message:
          resolved.kind === 'ok'
            ? `${local.time} on ${local.date} does not exist.`
            : resolved.message,
      };
    }
    const chosen = later.offsetNanoseconds === zoned.offsetNanoseconds ? later : earlier;
    moved = chosen.epochMilliseconds;
  }
  return { kind: 'ok', instant: new Date(moved + rest * 60_000) };
}
