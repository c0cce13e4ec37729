// The calendar's answer (lib/posts/calendar-posts.ts) as FullCalendar events: a post is
// draggable only when lib says it may be rescheduled (post.actions), a day with more posts than
// were sent gets one "+N more" entry that opens the whole day in the list, and blackouts, pauses
// and the campaign's dates are background events. Pure, so it is unit-tested.
import type { EventInput } from '@fullcalendar/react';
import type { CalendarView } from '@/lib/posts/calendar-posts';
import type { PostView } from '@/lib/posts/post-view';
import type { PostStatus } from '@/lib/posts/state-machine';
import { ukDaySpan } from '@/lib/scheduling/calendar-days';

export type CalendarViewType = 'dayGridMonth' | 'timeGridWeek' | 'listWeek';
/** The views as the address names them (`?show=week`). */
export const CALENDAR_SHOWS = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listWeek',
} as const;
export type CalendarShow = keyof typeof CALENDAR_SHOWS;

/**
 * How many posts of one day the calendar asks for: what fits, so a month cell is never a wall
 * (three, and "+N more"); a week, as a grid or a list, has room for a working day's posts.
 */
export function perDayFor(range: { start: Date; end: Date }): number {
  const week = 8 * 24 * 60 * 60 * 1000;
  return range.end.getTime() - range.start.getTime() > week ? 3 : 30;
}

/** Mantine palettes of each status: shade 1 behind, shade 9 (readable on it, theme.ts) as text. */
export const STATUS_COLOUR: Record<PostStatus, string> = {
  scheduled: 'blue',
  publishing: 'cyan',
  published: 'green',
  failed: 'red',
  held: 'orange',
  cancelled: 'gray',
  unconfirmed: 'yellow',
};

export type CalendarEventProps =
  | { kind: 'post'; post: PostView; order: 0 }
  | { kind: 'more'; date: string; hidden: number; total: number; order: 1 }
  | { kind: 'blackout' | 'pause' | 'campaign'; label: string; order: 2 };

export function toCalendarEvents(
  view: CalendarView,
  range: { end: Date },
  dayHref: (date: string) => string,
  /** A month grid shades whole days; a week's time grid shades the hours. */
  shading: 'days' | 'hours' = 'hours',
): EventInput[] {
  const posts = view.posts.map((post): EventInput => ({
    id: post.id,
    start: post.scheduledAt,
    title: post.messageTitle,
    startEditable: post.actions.includes('reschedule'),
    durationEditable: false,
    className: `sp-event sp-event-${post.status}${post.actions.includes('reschedule') ? ' sp-event-movable' : ''}`,
    color: `var(--mantine-color-${STATUS_COLOUR[post.status]}-1)`,
    contrastColor: `var(--mantine-color-${STATUS_COLOUR[post.status]}-9)`,
    extendedProps: { kind: 'post', post, order: 0 } satisfies CalendarEventProps,
  }));
  const more = view.days
    .filter((day) => day.total > day.shown)
    .map((day): EventInput => ({
      id: `more-${day.date}`,
      start: day.date,
      allDay: true,
      title: `+${(day.total - day.shown).toLocaleString('en-GB')} more`,
      url: dayHref(day.date),
      startEditable: false,
      className: 'sp-event sp-more',
      color: 'var(--mantine-color-gray-0)',
      contrastColor: 'var(--mantine-color-signpost-9)',
      extendedProps: {
        kind: 'more',
        date: day.date,
        hidden: day.total - day.shown,
        total: day.total,
        order: 1,
      } satisfies CalendarEventProps,
    }));
  const background = (
    id: string,
    kind: 'blackout' | 'pause' | 'campaign',
    label: string,
    start: string,
    end: string,
  ): EventInput => ({
    id,
    ...(shading === 'days'
      ? { ...ukDaySpan(new Date(start), new Date(end)), allDay: true }
      : { start, end }),
    title: label,
    display: 'background',
    className: `sp-bg sp-bg-${kind}`,
    extendedProps: { kind, label, order: 2 } satisfies CalendarEventProps,
  });
  return [
    ...view.campaigns.map((campaign) =>
      background(
        `campaign-${campaign.id}`,
        'campaign',
        `Campaign: ${campaign.name}`,
        campaign.startsAt,
        campaign.endsAt,
      ),
    ),
    ...view.blackouts.map((blackout) =>
      background(
        `blackout-${blackout.id}`,
        'blackout',
        `Blackout, ${blackout.organisation.name}: ${blackout.reason}`,
        blackout.startsAt,
        blackout.endsAt,
      ),
    ),
    ...view.pauses.map((pause) =>
      background(
        `pause-${pause.id}`,
        'pause',
        `Paused, ${pause.covers}: ${pause.reason}`,
        pause.startsAt,
        // An open-ended pause lasts as far as the calendar can see.
        pause.endsAt ?? range.end.toISOString(),
      ),
    ),
    ...posts,
    ...more,
  ];
}
