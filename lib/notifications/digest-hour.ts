// When a person's daily digest falls due: at their UK hour (Europe/London, whatever the clocks
// say that day), once per UK day. Pure: `now` comes in.
//
// On the day the clocks go forward, 01:00 does not exist in the UK: a digest at 1 o'clock goes out
// when the clocks jump (02:00 BST, the first instant past 01:00 GMT). On the day they go back,
// 01:00 happens twice: the digest goes out at the first, and the second finds today's sent.
// A sweep that was missed (the workers were down at the hour) sends it at the next sweep that day.
import { Temporal } from 'temporal-polyfill';
import { dayAround, UK_TIME_ZONE } from '../scheduling/london-time';

export const DEFAULT_DIGEST_HOUR = 8;

/** The instant today's digest (today: `now`'s UK day) falls due at `hour` UK time. */
export function digestDueAt(now: Date, hour: number): Date {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(UK_TIME_ZONE)
    .toPlainDate();
  const due = today
    .toPlainDateTime({ hour })
    // "compatible": in the spring gap, the jump; in the autumn overlap, the first of the two.
    .toZonedDateTime(UK_TIME_ZONE, { disambiguation: 'compatible' });
  return new Date(due.epochMilliseconds);
}

/**
 * Before this, a digest sent earlier does not count as today's (the start of `now`'s UK day): a
 * person is sent at most one digest per UK day.
 */
export const digestDayStart = (now: Date): Date => dayAround(now, UK_TIME_ZONE).start;

/** Whether the person's digest is due at `now`: its hour today has come, and none was sent today. */
export function digestDue(now: Date, hour: number, lastDigestAt: Date | null): boolean {
  if (now.getTime() < digestDueAt(now, hour).getTime()) return false;
  return lastDigestAt === null || lastDigestAt.getTime() < digestDayStart(now).getTime();
}
