import { Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { CALENDAR_SHOWS, type CalendarShow } from '@/components/calendar/calendar-events';
import { CalendarLegend } from '@/components/calendar/calendar-legend';
import { PostCalendar } from '@/components/calendar/post-calendar';
import { ScheduleSwitch } from '@/components/calendar/schedule-switch';
import { StatusFilter } from '@/components/calendar/status-filter';
import { ScheduleFilters } from '@/components/schedule/schedule-filters';
import { PageHeader } from '@/components/shell/page-header';
import { organisationScope } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { db } from '@/lib/db';
import { LocalDate } from '@/lib/scheduling/london-time';
import { SCHEDULE_VIEWS, VIEW_STATUSES, type ScheduleView } from '@/lib/posts/schedule-views';

export const metadata: Metadata = { title: 'Calendar' };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePage('post.read');
  const params = await searchParams;
  // The calendar shows every status unless the Schedule page's tab (`view`) says otherwise.
  const view = (SCHEDULE_VIEWS.find((candidate) => candidate === one(params.view)) ??
    'all') satisfies ScheduleView;
  const filters = {
    organisation: one(params.organisation),
    platform: one(params.platform),
    campaignId: one(params.campaign),
    q: one(params.q),
  };
  const show = (Object.keys(CALENDAR_SHOWS) as CalendarShow[]).find(
    (candidate) => candidate === one(params.show),
  );
  const scope = organisationScope(actor, 'post.read');
  const [organisations, campaigns] = await Promise.all([
    db.organisation.findMany({
      where: scope === 'all' ? {} : { id: { in: scope } },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.campaign.findMany({ select: { id: true, name: true }, orderBy: { startsAt: 'desc' } }),
  ]);
  return (
    <>
      <PageHeader
        title="Calendar"
        description="Every post on the channels you look after, by day. Drag a post to move it, or open it and choose Reschedule…. Times are UK time."
        actions={<ScheduleSwitch current="calendar" />}
      />
      <Stack gap="md">
        <ScheduleFilters
          organisations={organisations}
          campaigns={campaigns}
          values={filters}
          withDates={false}
        >
          <StatusFilter value={view} />
        </ScheduleFilters>
        <CalendarLegend />
        <section aria-label="Calendar of posts">
          <PostCalendar
            filters={{
              ...filters,
              status: VIEW_STATUSES[view]?.join(','),
            }}
            showOrganisation={organisations.length > 1}
            initialDate={
              LocalDate.safeParse(one(params.date)).success ? one(params.date) : undefined
            }
            initialView={show ? CALENDAR_SHOWS[show] : undefined}
          />
        </section>
      </Stack>
    </>
  );
}
