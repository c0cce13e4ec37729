import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { ImportDialog } from '@/components/schedule/import-dialog';
import { ScheduleSwitch } from '@/components/calendar/schedule-switch';
import { PauseButton } from '@/components/schedule/pause-button';
import { ReleaseHeldButton } from '@/components/schedule/release-held-button';
import { PostList } from '@/components/schedule/post-list';
import { ScheduleFilters } from '@/components/schedule/schedule-filters';
import { ScheduleTabs } from '@/components/schedule/schedule-tabs';
import { LinkButton } from '@/components/link-button';
import { ExportScheduleLink } from '@/components/schedule/export-schedule-link';
import { NoMatches } from '@/components/search/no-matches';
import { PageHeader } from '@/components/shell/page-header';
import { organisationScope } from '@/lib/auth/permissions';
import { pauseChoices } from '@/lib/pauses/pause-choices';
import { requirePage } from '@/lib/auth/require-page';
import { db } from '@/lib/db';
import { countPostsByStatus } from '@/lib/posts/count-posts';
import { heldToRelease } from '@/lib/posts/held-posts';
import { listPosts, PostListQuery } from '@/lib/posts/list-posts';
import { SCHEDULE_VIEWS, scheduleViewQuery, type ScheduleView } from '@/lib/posts/schedule-views';
import { dayStart } from '@/lib/scheduling/london-time';

export const metadata: Metadata = { title: 'Schedule' };

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 100;

/** The schedule's address with this view, these filters and (for a later page) its cursor. */
function scheduleHref(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return `/schedule?${params.toString()}`;
}
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePage('post.read');
  const params = await searchParams;
  const view = (SCHEDULE_VIEWS.find((candidate) => candidate === one(params.view)) ??
    'upcoming') satisfies ScheduleView;
  const now = new Date();
  const filters = {
    organisation: one(params.organisation),
    platform: one(params.platform),
    campaignId: one(params.campaign),
    from: one(params.from),
    to: one(params.to),
    q: one(params.q),
  };
  const cursor = one(params.cursor);
  // The address's own names for them, for the paging links.
  const inAddress = { view, ...filters, campaign: filters.campaignId, campaignId: undefined };
  const query = PostListQuery.safeParse({
    ...scheduleViewQuery(view, now),
    organisation: filters.organisation,
    platform: filters.platform,
    campaignId: filters.campaignId,
    q: filters.q,
    // The date filter is in UK days: from the start of the first to the end of the last.
    ...(filters.from ? { from: dayStart(filters.from)?.toISOString() } : {}),
    ...(filters.to ? { to: dayStart(filters.to, 1)?.toISOString() } : {}),
    limit: PAGE_SIZE,
    cursor,
  });
  const scope = organisationScope(actor, 'post.read');
  const mayImport = organisationScope(actor, 'post.schedule');
  const [posts, counts, organisations, campaigns, pausing, held] = await Promise.all([
    query.success ? listPosts(actor, query.data) : Promise.resolve({ items: [], nextCursor: null }),
    countPostsByStatus(actor),
    db.organisation.findMany({
      where: scope === 'all' ? {} : { id: { in: scope } },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.campaign.findMany({ select: { id: true, name: true }, orderBy: { startsAt: 'desc' } }),
    pauseChoices(actor, now),
    heldToRelease(actor, now),
  ]);
  return (
    <>
      <PageHeader
        title="Schedule"
        description="Every post on the channels you look after: what goes out when, what was published, and anything that needs you. Times are UK time."
        actions={
          <Group gap="xs">
            <ScheduleSwitch current="list" />
            {pausing.nothingBecause ? (
              <Badge color="orange" variant="light" size="lg">
                {pausing.nothingBecause}
              </Badge>
            ) : pausing.everything ||
              pausing.organisations.length > 0 ||
              pausing.campaigns.length > 0 ? (
              <PauseButton choices={pausing} />
            ) : null}
            <ReleaseHeldButton held={held} />
            {(mayImport === 'all' || mayImport.length > 0) && (
              <LinkButton variant="default" href="/schedule/ready">
                Ready to schedule
              </LinkButton>
            )}
            {(mayImport === 'all' || mayImport.length > 0) && <ImportDialog />}
            {query.success && <ExportScheduleLink query={query.data} />}
          </Group>
        }
      />
      <Stack gap="md">
        <ScheduleTabs view={view} counts={counts} />
        <ScheduleFilters organisations={organisations} campaigns={campaigns} values={filters} />
        {!query.success ? (
          <Paper withBorder p="lg">
            <Text c="red">
              These filters are not valid:{' '}
              {query.error.issues.map((issue) => issue.message).join('; ')}
            </Text>
          </Paper>
        ) : filters.q && posts.items.length === 0 && !cursor ? (
          <NoMatches
            what="posts"
            q={filters.q}
            clearHref={scheduleHref({ ...inAddress, q: undefined })}
          />
        ) : (
          <PostList posts={posts.items} view={view} />
        )}
        {(cursor || posts.nextCursor) && (
          <Group justify="space-between">
            {cursor ? (
              <LinkButton variant="default" href={scheduleHref(inAddress)}>
                {view === 'published' ? 'Back to the latest' : 'Back to the first page'}
              </LinkButton>
            ) : (
              <span />
            )}
            {posts.nextCursor && (
              <LinkButton
                variant="default"
                href={scheduleHref({ ...inAddress, cursor: posts.nextCursor })}
              >
                {view === 'published' ? 'Earlier posts' : 'Later posts'}
              </LinkButton>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
