import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { CalendarFeeds } from '@/components/settings/calendar-feeds';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';
import {
  CalendarFeedFilters,
  describeFeedFilters,
  listCalendarFeeds,
} from '@/lib/calendar-feeds/calendar-feeds';
import { db } from '@/lib/db';

export const metadata: Metadata = { title: 'Calendar feed' };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CalendarFeedPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePage('post.read');
  const params = await searchParams;
  // The Schedule page's filters, as its "Calendar feed" link passes them; anything else is dropped.
  const asked = CalendarFeedFilters.safeParse({
    organisation: one(params.organisation),
    platform: one(params.platform),
    campaignId: one(params.campaign),
    status: one(params.status),
    q: one(params.q),
  });
  const filters = Object.fromEntries(
    Object.entries(asked.success ? asked.data : {}).filter(([, value]) => value),
  ) as CalendarFeedFilters;
  const [feeds, organisations, campaigns] = await Promise.all([
    listCalendarFeeds(actor.userId),
    db.organisation.findMany({ select: { slug: true, name: true } }),
    db.campaign.findMany({ select: { id: true, name: true } }),
  ]);
  const names = {
    organisations: Object.fromEntries(organisations.map((o) => [o.slug, o.name])),
    campaigns: Object.fromEntries(campaigns.map((c) => [c.id, c.name])),
  };
  return (
    <>
      <PageHeader
        title="Calendar feed"
        description="Your schedule in your own calendar (Outlook, Google, Apple): a private address your calendar subscribes to and reads, never changes. It shows what you may see at the moment it is read, in UK time."
      />
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="sm">
            Your feeds
          </Title>
          <CalendarFeeds
            feeds={feeds.map((feed) => ({
              id: feed.id,
              label: feed.label,
              prefix: feed.prefix,
              filters: describeFeedFilters(feed.filters, names),
              createdAt: feed.createdAt.toISOString(),
              lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
            }))}
            filters={filters}
            filtersInWords={describeFeedFilters(filters, names)}
          />
        </Paper>
        <Text size="sm" c="dimmed" maw={720}>
          A feed lists scheduled, held and published posts from a month back to a year ahead. Each
          post’s text is shown as it will be published, helpline signpost included. Revoking a feed
          stops it at once; a calendar that still asks gets nothing.
        </Text>
      </Stack>
    </>
  );
}
