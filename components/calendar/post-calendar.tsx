'use client';

// The schedule as a calendar (issue 10): FullCalendar 7 in UK time, fetching only the range on
// screen from GET /api/v1/calendar. A post lib lets the person reschedule can be dragged; the drop
// goes through the same server action (and so the same rules) as the Reschedule dialog, a refusal
// puts the post back with the server's reason, and every move can be undone from its toast.
// Clicking (or Enter on) a post opens its details, where "Reschedule…" is the keyboard's way.
import FullCalendar, {
  type CalendarRef,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
  type EventSourceFuncInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import enGb from '@fullcalendar/react/locales/en-gb';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar.css';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMediaQuery, useReducedMotion } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { reschedulePostAction } from '@/app/(app)/schedule/actions';
import { PostDetail } from '@/components/schedule/post-detail';
import { RescheduleDialog } from '@/components/schedule/reschedule-dialog';
import type { CalendarView } from '@/lib/posts/calendar-posts';
import type { PostView } from '@/lib/posts/post-view';
import { droppedTime } from '@/lib/scheduling/calendar-days';
import {
  type AmbiguousChoice,
  dayOf,
  formatLocal,
  type LocalDateTime,
  resolveLocalTime,
  UK_TIME_ZONE,
} from '@/lib/scheduling/london-time';
import {
  type CalendarEventProps,
  type CalendarViewType,
  type CalendarShow,
  perDayFor,
  toCalendarEvents,
} from './calendar-events';
import { CalendarEventContent } from './calendar-event-content';

export interface CalendarFilters {
  organisation?: string;
  platform?: string;
  campaignId?: string;
  /** Comma-separated statuses (the status filter's group). */
  status?: string;
  /** Words in the post's text or its message's title. */
  q?: string;
}

const SHOW_OF: Record<CalendarViewType, CalendarShow> = {
  dayGridMonth: 'month',
  timeGridWeek: 'week',
  listWeek: 'list',
};

export function PostCalendar({
  filters,
  showOrganisation,
  initialDate,
  initialView,
}: {
  filters: CalendarFilters;
  /** Where to open (YYYY-MM-DD, from the address), so a reload or a shared link keeps its place. */
  initialDate?: string;
  /** The view the address asks for; without one, month (the list on a phone). */
  initialView?: CalendarViewType;
  /** Leads see many organisations' posts: each event names its organisation. */
  showOrganisation: boolean;
}) {
  const calendar = useRef<CalendarRef>(null);
  // Mantine's sm breakpoint: a phone starts on the list, a month grid of 390 px is unreadable.
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const reducedMotion = useReducedMotion();
  const [problem, setProblem] = useState<string | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [detail, setDetail] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState<PostView | null>(null);

  useEffect(() => {
    const api = calendar.current?.getApi();
    if (narrow && !initialView && api && api.view.type !== 'listWeek') api.changeView('listWeek');
  }, [narrow, initialView]);

  const refetch = () => calendar.current?.getApi().refetchEvents();

  const { organisation, platform, campaignId, status, q } = filters;
  // A day with more posts than the calendar shows opens in the list, with the same filters.
  const dayHref = useCallback(
    (date: string) => {
      const params = new URLSearchParams({ view: 'all', from: date, to: date });
      for (const [name, value] of Object.entries({
        organisation,
        platform,
        campaign: campaignId,
        q,
      }))
        if (value) params.set(name, value);
      return `/schedule?${params.toString()}`;
    },
    [organisation, platform, campaignId, q],
  );
  const events = useCallback(
    async (info: EventSourceFuncInfo): Promise<EventInput[]> => {
      const params = new URLSearchParams({
        from: info.start.toISOString(),
        to: info.end.toISOString(),
        perDay: String(perDayFor(info)),
      });
      for (const [name, value] of Object.entries({ organisation, platform, campaignId, status, q }))
        if (value) params.set(name, value);
      try {
        const response = await fetch(`/api/v1/calendar?${params.toString()}`);
        const body: unknown = await response.json();
        if (!response.ok) {
          setProblem(
            (body as { error?: { message?: string } }).error?.message ??
              'The calendar could not be loaded.',
          );
          return [];
        }
        setProblem(null);
        return toCalendarEvents(
          body as CalendarView,
          info,
          dayHref,
          // A month's grid shades whole days; a week's time grid the hours (a list shades none).
          perDayFor(info) === 3 ? 'days' : 'hours',
        );
      } catch {
        setProblem('The calendar could not be loaded. Check your connection and try again.');
        return [];
      }
    },
    [organisation, platform, campaignId, status, q, dayHref],
  );

  /** Moves a post through the server's rules; on success the toast offers to move it back. */
  const move = async (
    post: PostView,
    to: LocalDateTime | string,
    revert?: () => void,
  ): Promise<boolean> => {
    const result = await reschedulePostAction(post.id, to);
    if (!result.ok) {
      revert?.();
      const choose = result.fields && 'scheduledAt.choice' in result.fields;
      notifications.show({
        color: 'red',
        title: 'Not moved',
        message: choose
          ? `${result.error} Open the post and use Reschedule… to choose which.`
          : result.error,
        autoClose: 12_000,
      });
      return false;
    }
    refetch();
    return true;
  };

  const moved = (post: PostView, to: LocalDateTime & { choice?: AmbiguousChoice }) => {
    const resolved = resolveLocalTime(to, UK_TIME_ZONE, to.choice);
    const when = resolved.kind === 'ok' ? formatLocal(resolved.instant) : `${to.date} ${to.time}`;
    const id = `moved-${post.id}-${Date.now()}`;
    notifications.show({
      id,
      color: 'green',
      title: 'Post moved',
      autoClose: 15_000,
      message: (
        <Stack gap={6} align="flex-start">
          <Text size="sm">
            “{post.messageTitle}” now goes out {when}.
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            onClick={async () => {
              notifications.hide(id);
              if (await move(post, post.scheduledAt)) {
                notifications.show({
                  color: 'green',
                  message: `“${post.messageTitle}” is back at ${formatLocal(new Date(post.scheduledAt))}.`,
                });
              }
            }}
          >
            Undo
          </Button>
        </Stack>
      ),
    });
  };

  const eventDrop = async (info: EventDropInfo) => {
    const props = info.event.extendedProps as CalendarEventProps;
    if (props.kind !== 'post') return info.revert();
    if (info.event.allDay) {
      info.revert();
      notifications.show({
        color: 'red',
        title: 'Not moved',
        message: 'A post goes out at a time: drop it on an hour, not on the all-day row.',
      });
      return;
    }
    const to = droppedTime(new Date(props.post.scheduledAt), info.delta);
    if (await move(props.post, to, info.revert)) moved(props.post, to);
  };

  const eventClick = (info: EventClickInfo) => {
    const props = info.event.extendedProps as CalendarEventProps;
    // "+N more" is a link to the day in the list; the browser follows it.
    if (props.kind !== 'post') return;
    info.jsEvent.preventDefault();
    setDetail(props.post.id);
  };

  return (
    <>
      {problem && (
        <Alert color="red" role="alert" mb="sm">
          {problem}
        </Alert>
      )}
      <div className="sp-calendar" data-testid="post-calendar">
        <FullCalendar
          ref={calendar}
          plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          locale={enGb}
          timeZone="Europe/London"
          initialView={initialView ?? 'dayGridMonth'}
          initialDate={initialDate}
          datesSet={(info: DatesSetInfo) => {
            // The place in the address, without a navigation: reload and links keep it.
            const params = new URLSearchParams(window.location.search);
            params.set('date', dayOf(info.view.currentStart));
            const show = SHOW_OF[info.view.type as CalendarViewType];
            if (show) params.set('show', show);
            window.history.replaceState(null, '', `?${params.toString()}`);
          }}
          headingLevel={2}
          headerToolbar={{
            start: 'prev,next today',
            center: 'title',
            end: 'dayGridMonth,timeGridWeek,listWeek',
          }}
          monthText="Month"
          weekTextLong="Week"
          listText="List"
          todayText="Today"
          // Its name starts with the word it shows (WCAG 2.5.3): "Today, this month".
          todayHint={(unit: string) => `Today, this ${unit.toLowerCase()}`}
          // As tall as it needs in every view: a grid that scrolls inside itself is a region the
          // keyboard cannot reach (axe scrollable-region-focusable), and a tab stop on
          // FullCalendar's own scroller breaks its table's ARIA structure. The week shows the
          // hours posts go out in (06:00 to 23:00) instead of all 24.
          height="auto"
          lazyFetching={false}
          views={{
            timeGridWeek: {
              slotMinTime: '06:00:00',
              slotMaxTime: '23:00:00',
              titleFormat: { day: 'numeric', month: 'short', year: 'numeric' },
            },
            listWeek: { titleFormat: { day: 'numeric', month: 'short', year: 'numeric' } },
            dayGridMonth: { dayMaxEvents: 4 },
          }}
          events={events}
          eventOrder="order,start,title"
          eventDisplay="block"
          displayEventEnd={false}
          defaultTimedEventDuration="00:30"
          snapDuration="00:15"
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          nowIndicator
          dragRevertDuration={reducedMotion ? 0 : 300}
          eventContent={(info: EventDisplayInfo) => (
            <CalendarEventContent info={info} showOrganisation={showOrganisation} />
          )}
          eventClick={eventClick}
          eventDrop={eventDrop}
          noEventsText={
            q ? `No posts in these days match “${q}”.` : 'No posts in these days match the filters.'
          }
        />
      </div>
      <PostDetail
        postId={detail}
        onClose={() => setDetail(null)}
        onReschedule={(post) => {
          setDetail(null);
          setRescheduling(post);
        }}
      />
      <RescheduleDialog
        post={rescheduling}
        onClose={() => setRescheduling(null)}
        onRescheduled={(post, to) => {
          refetch();
          if (to.date) moved(post, { date: to.date, time: to.time, choice: to.choice });
        }}
      />
    </>
  );
}
