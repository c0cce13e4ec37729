// Suggested times to post a message on a channel (issue 10, "Ready to schedule"): the
// organisation's own usual posting times, read from when it has posted before, or campaign
// defaults when it has too little history; never in the past, in a blackout or a pause, or too
// close to another post on the channel, and always a time the UK clocks show once. Pure: the
// same facts give the same suggestions, on the server and in tests.
import { Temporal } from 'temporal-polyfill';
import { type BlackoutFacts, holdReason, type PauseFacts, type PostFacts } from './holds';
import { dayOf, resolveLocalTime, toLocalParts, UK_TIME_ZONE } from './london-time';

/** When campaign posts do well for an organisation with no history of its own. */
export const DEFAULT_POSTING_TIMES = ['08:00', '12:30', '19:00'] as const;
/** Fewer posts than this, and the organisation's habits are not yet habits. */
export const MIN_HISTORY_POSTS = 6;
/** A time of day counts as usual once the organisation has posted at it this often. */
export const MIN_REPEATS = 2;
export const MAX_USUAL_TIMES = 3;
/** Times of day are read to the nearest quarter hour: 12:28 and 12:31 are the same habit. */
export const SLOT_ROUNDING_MINUTES = 15;
/** The least gap between two posts on one channel, so followers do not get them back to back. */
export const DEFAULT_SPACING_MINUTES = 120;
export const SUGGESTION_HORIZON_DAYS = 14;
/** A suggestion leaves time to read it and click: never sooner than this after now. */
export const MIN_LEAD_MINUTES = 15;
export const DEFAULT_SUGGESTIONS = 3;

export interface SlotRequest {
  /** When the organisation has posted (or is to post), on any channel: its habits. */
  history: readonly Date[];
  /** The channel's other posts, to keep the spacing from. */
  busy: readonly Date[];
  pauses: readonly PauseFacts[];
  blackouts: readonly BlackoutFacts[];
  /** What a pause or blackout is judged on, besides the time. */
  post: Omit<PostFacts, 'scheduledAt'>;
  now: Date;
  /** The campaign's dates: suggestions fall within them. */
  notBefore?: Date;
  notAfter?: Date;
  count?: number;
  spacingMinutes?: number;
  horizonDays?: number;
  leadMinutes?: number;
  zone?: string;
}

export interface SuggestedSlot {
  at: Date;
  /** The wall-clock day and time in the organisation's zone. */
  date: string;
  time: string;
  /** "Tue 1 Dec, 12:30" */
  label: string;
  /** "your usual 12:30" */
  reason: string;
}

export interface UsualTimes {
  /** HH:mm, earliest in the day first. */
  times: string[];
  basis: 'history' | 'defaults';
}

/** The organisation's most frequent posting times of day, or the defaults. */
export function usualTimes(history: readonly Date[], zone: string = UK_TIME_ZONE): UsualTimes {
  if (history.length < MIN_HISTORY_POSTS)
    return { times: [...DEFAULT_POSTING_TIMES], basis: 'defaults' };
  const counts = new Map<number, number>();
  for (const instant of history) {
    const { time } = toLocalParts(instant, zone);
    const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const rounded =
      (Math.round(minutes / SLOT_ROUNDING_MINUTES) * SLOT_ROUNDING_MINUTES) % (24 * 60);
    counts.set(rounded, (counts.get(rounded) ?? 0) + 1);
  }
  const usual = [...counts]
    .filter(([, count]) => count >= MIN_REPEATS)
    .sort(([a, countA], [b, countB]) => countB - countA || a - b)
    .slice(0, MAX_USUAL_TIMES)
    .map(([minutes]) => minutes)
    .sort((a, b) => a - b)
    .map(hhmm);
  return usual.length === 0
    ? { times: [...DEFAULT_POSTING_TIMES], basis: 'defaults' }
    : { times: usual, basis: 'history' };
}

/** The next few free slots at the organisation's usual times, soonest first. */
export function suggestSlots(request: SlotRequest): SuggestedSlot[] {
  const zone = request.zone ?? UK_TIME_ZONE;
  const count = request.count ?? DEFAULT_SUGGESTIONS;
  const spacing = (request.spacingMinutes ?? DEFAULT_SPACING_MINUTES) * 60_000;
  const earliest = Math.max(
    request.now.getTime() + (request.leadMinutes ?? MIN_LEAD_MINUTES) * 60_000,
    request.notBefore?.getTime() ?? -Infinity,
  );
  const latest = request.notAfter?.getTime() ?? Infinity;
  const { times, basis } = usualTimes(request.history, zone);
  const busy = request.busy.map((instant) => instant.getTime());

  const slots: SuggestedSlot[] = [];
  if (count <= 0 || !Number.isFinite(earliest)) return slots;
  const firstDay = Temporal.PlainDate.from(dayOf(new Date(earliest), zone));
  for (let offset = 0; offset < (request.horizonDays ?? SUGGESTION_HORIZON_DAYS); offset += 1) {
    const date = firstDay.add({ days: offset });
    for (const time of times) {
      const resolved = resolveLocalTime({ date: date.toString(), time }, zone);
      // A time the clocks skip names no moment; one they repeat would need the person to say
      // which of the two they meant, so a one-click button never offers either.
      if (resolved.kind !== 'ok') continue;
      const at = resolved.instant.getTime();
      if (at < earliest || at >= latest) continue;
      if (busy.some((other) => Math.abs(other - at) < spacing)) continue;
      const held = holdReason({
        pauses: request.pauses,
        blackouts: request.blackouts,
        post: { ...request.post, scheduledAt: resolved.instant },
        now: request.now,
      });
      if (held) continue;
      slots.push({
        at: resolved.instant,
        date: date.toString(),
        time,
        label: `${SHORT_DAYS[date.dayOfWeek - 1]} ${date.day} ${SHORT_MONTHS[date.month - 1]}, ${time}`,
        reason: basis === 'history' ? `your usual ${time}` : `a good time for campaign posts`,
      });
      if (slots.length >= count) return slots;
    }
  }
  return slots;
}

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SHORT_MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
