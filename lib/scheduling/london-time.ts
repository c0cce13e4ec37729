// Wall-clock times in an organisation's zone (Europe/London unless it says otherwise) and the
// instants they name. On the two clocks-change days a UK wall-clock time can name no instant
// (01:30 on the last Sunday in March) or two (01:30 on the last Sunday in October); we never guess
// which the person meant, we tell them and let them choose.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

export const UK_TIME_ZONE = 'Europe/London';

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD, for example 2026-03-29.');
export const LocalTime = z
  .string()
  .regex(/^\d{2}:\d{2}$/, 'Give the time as HH:mm on the 24-hour clock, for example 09:30.');
export const LocalDateTime = z.object({ date: LocalDate, time: LocalTime });
export type LocalDateTime = z.infer<typeof LocalDateTime>;

/** Which of the two instants a wall-clock time names when the clocks go back. */
export const AmbiguousChoice = z.enum(['earlier', 'later']);
export type AmbiguousChoice = z.infer<typeof AmbiguousChoice>;

export type ResolvedTime =
  | { kind: 'ok'; instant: Date }
  | { kind: 'nonexistent'; message: string }
  | { kind: 'ambiguous'; earlier: Date; later: Date; message: string }
  | { kind: 'invalid'; message: string };

/**
 * The instant a date and time on the clocks in `zone` name. On the day the clocks go back, the
 * repeated hour is `ambiguous` unless `choice` says which of the two is meant.
 */
export function resolveLocalTime(
  local: LocalDateTime,
  zoneName: string = UK_TIME_ZONE,
  choice?: AmbiguousChoice,
): ResolvedTime {
  const wall = toPlainDateTime(local);
  if (typeof wall === 'string') return { kind: 'invalid', message: wall };
  const zone = canonicalZone(zoneName);
  if (zone === null) return { kind: 'invalid', message: unknownZone(zoneName) };

  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
  if (earlier.epochNanoseconds === later.epochNanoseconds) {
    return { kind: 'ok', instant: toDate(earlier) };
  }

  const when = `${local.time} on ${longDate(wall.toPlainDate())}`;
  // In a gap, "earlier" lands on a different wall-clock time; in an overlap both keep it.
  if (!earlier.toPlainDateTime().equals(wall)) {
    const to = clockChange(earlier).toPlainTime();
    const from = to.subtract({ nanoseconds: later.offsetNanoseconds - earlier.offsetNanoseconds });
    return {
      kind: 'nonexistent',
      message:
        `${when} does not exist in ${inZone(zone)}: the clocks go forward from ` +
        `${hhmm(from)} to ${hhmm(to)}. Choose another time.`,
    };
  }

  if (choice !== undefined) {
    return { kind: 'ok', instant: toDate(choice === 'earlier' ? earlier : later) };
  }
  const backAt = clockChange(earlier)
    .toPlainTime()
    .add({ nanoseconds: earlier.offsetNanoseconds - later.offsetNanoseconds });
  return {
    kind: 'ambiguous',
    earlier: toDate(earlier),
    later: toDate(later),
    message:
      `${when} happens twice in ${inZone(zone)}: the clocks go back at ${hhmm(backAt)}. ` +
      `Choose ${local.time} ${abbreviation(earlier)} (first) or ` +
      `${local.time} ${abbreviation(later)} (second).`,
  };
}

export type ParsedScheduleTime =
  { kind: 'ok'; instant: Date } | { kind: 'invalid'; message: string };

// An offset (or Z) makes the string an exact instant. Without one, we would have to guess the
// zone and, twice a year, which of two instants was meant.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const WITHOUT_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,9})?)?$/i;

/**
 * Reads an API time: ISO 8601 with an offset or Z, such as 2026-03-29T09:00:00+01:00. The zone
 * only shapes the advice when the offset is missing.
 */
export function parseScheduleTime(
  input: string,
  zoneName: string = UK_TIME_ZONE,
): ParsedScheduleTime {
  const text = input.trim();
  if (WITH_OFFSET.test(text)) {
    const instant = tryInstant(text);
    if (instant !== null) return { kind: 'ok', instant };
    return { kind: 'invalid', message: `${text} is not a real date and time.` };
  }
  const local = WITHOUT_OFFSET.exec(text);
  if (local !== null && local[1] !== undefined && local[2] !== undefined) {
    return {
      kind: 'invalid',
      message: offsetNeeded(text, { date: local[1], time: local[2] }, zoneName),
    };
  }
  const what = text === '' ? 'No time was given.' : `${text} is not an ISO 8601 time.`;
  return {
    kind: 'invalid',
    message: `${what} Use a time with its offset, such as 2026-03-29T09:00:00+01:00 or 2026-03-29T08:00:00Z.`,
  };
}

/** Why a time without an offset is refused, with the exact string to send instead. */
function offsetNeeded(text: string, local: LocalDateTime, zoneName: string): string {
  const needed = `${text} has no offset, so it could mean more than one moment.`;
  const resolved = resolveLocalTime(local, zoneName);
  if (resolved.kind !== 'ok') return `${needed} ${resolved.message}`;
  const zone = canonicalZone(zoneName) ?? zoneName;
  const exact = toZoned(resolved.instant, zone).toString({
    timeZoneName: 'never',
    smallestUnit: 'second',
  });
  return `${needed} Add Z for UTC or the offset; in ${inZone(zone)} that is ${exact}.`;
}

/** "Sun 29 Mar 2026, 03:15 BST": how a moment is shown to people. Throws for an unknown zone. */
export function formatLocal(instant: Date, zone: string = UK_TIME_ZONE): string {
  const zoned = toZoned(instant, zone);
  const day = SHORT_DAYS[zoned.dayOfWeek - 1];
  const month = SHORT_MONTHS[zoned.month - 1];
  return `${day} ${zoned.day} ${month} ${zoned.year}, ${hhmm(zoned.toPlainTime())} ${abbreviation(zoned)}`;
}

/**
 * The instant a calendar day starts on the clocks in `zone` (plus `days` days), or null when
 * `date` is not a YYYY-MM-DD day in the calendar. The one place a "UK day" becomes instants: a
 * day is 23 or 25 hours long on the clocks-change days, so never add 24 hours to a midnight.
 */
export function dayStart(date: string, days = 0, zone: string = UK_TIME_ZONE): Date | null {
  if (!LocalDate.safeParse(date).success) return null;
  const day = attempt(() => Temporal.PlainDate.from(date).add({ days }));
  return day === null ? null : toDate(day.toZonedDateTime(zone));
}

/** The calendar day, YYYY-MM-DD, that an instant falls on in `zone`. */
export function dayOf(instant: Date, zone: string = UK_TIME_ZONE): string {
  return toZoned(instant, zone).toPlainDate().toString();
}

/** The day `instant` falls on in `zone`, as the instants it starts and ends at. */
export function dayAround(instant: Date, zone: string = UK_TIME_ZONE): { start: Date; end: Date } {
  const day = toZoned(instant, zone).toPlainDate();
  return {
    start: toDate(day.toZonedDateTime(zone)),
    end: toDate(day.add({ days: 1 }).toZonedDateTime(zone)),
  };
}

export interface LocalParts extends LocalDateTime {
  /** Present only when this wall-clock time happens twice: which of the two the instant is. */
  choice?: AmbiguousChoice;
}

/** The date and time form fields for an instant; seconds are dropped. Throws for an unknown zone. */
export function toLocalParts(instant: Date, zone: string = UK_TIME_ZONE): LocalParts {
  const zoned = toZoned(instant, zone);
  const parts: LocalParts = {
    date: zoned.toPlainDate().toString(),
    time: hhmm(zoned.toPlainTime()),
  };
  const resolved = resolveLocalTime(parts, zone);
  if (resolved.kind === 'ambiguous') {
    parts.choice =
      zoned.offsetNanoseconds === offsetOf(resolved.earlier, zone) ? 'earlier' : 'later';
  }
  return parts;
}

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

function toPlainDateTime(local: LocalDateTime): Temporal.PlainDateTime | string {
  const parsed = LocalDateTime.safeParse(local);
  if (!parsed.success) return parsed.error.issues.map((issue) => issue.message).join(' ');
  // Parsing ISO strings rejects 2026-02-30 and 24:00 rather than rolling them over.
  const date = attempt(() => Temporal.PlainDate.from(local.date));
  if (date === null) return `${local.date} is not a date in the calendar.`;
  const time = attempt(() => Temporal.PlainTime.from(local.time));
  if (time === null) return `${local.time} is not a time of day: use 00:00 to 23:59.`;
  return date.toPlainDateTime(time);
}

/** The zone's canonical name ("europe/london" → "Europe/London"), or null when unknown. */
function canonicalZone(zone: string): string | null {
  return attempt(
    () => Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId,
  );
}

function unknownZone(zone: string): string {
  return `${zone} is not a time zone we know. Use an IANA name such as Europe/London.`;
}

function attempt<T>(make: () => T): T | null {
  try {
    return make();
  } catch (error) {
    // Temporal reports bad input with RangeError; anything else is a bug and must surface.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function tryInstant(text: string): Date | null {
  const instant = attempt(() => Temporal.Instant.from(text.toUpperCase()));
  return instant === null ? null : new Date(instant.epochMilliseconds);
}

/** The clock change just after `before`: it exists, since `before` sits in a gap or overlap. */
function clockChange(before: Temporal.ZonedDateTime): Temporal.ZonedDateTime {
  const change = before.getTimeZoneTransition('next');
  if (change === null) throw new Error(`No clock change after ${before.toString()}`);
  return change;
}

function toZoned(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}

function offsetOf(instant: Date, zone: string): number {
  return toZoned(instant, zone).offsetNanoseconds;
}

function toDate(zoned: Temporal.ZonedDateTime): Date {
  return new Date(zoned.epochMilliseconds);
}

function hhmm(time: Temporal.PlainTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function longDate(date: Temporal.PlainDate): string {
  return `${LONG_DAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

function inZone(zone: string): string {
  return zone === UK_TIME_ZONE ? 'UK time' : `${zone} time`;
}

// Building a formatter is slow next to using one, and a page formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "BST", "GMT", or where the zone has no common abbreviation, "GMT+1". */
function abbreviation(zoned: Temporal.ZonedDateTime): string {
  const zone = zoned.timeZoneId;
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(new Date(zoned.epochMilliseconds));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zoned.offset;
}
