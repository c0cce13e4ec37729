import { Button } from '@mantine/core';
import { IconCalendarShare, IconDownload } from '@tabler/icons-react';
import { LinkButton } from '@/components/link-button';
import type { PostListQuery } from '@/lib/posts/list-posts';

/**
 * "Export CSV": GET /posts/export.csv with exactly the filters of the list on screen (its tab's
 * statuses and order, the UK days as instants, the search), every page of it. "Calendar feed":
 * Settings' feed page, with the filters a feed can keep.
 */
export function ExportScheduleLink({ query }: { query: PostListQuery }) {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  const csv = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) csv.set(name, String(text));
  }
  const feed = new URLSearchParams();
  const kept = {
    organisation: filters.organisation,
    platform: filters.platform?.join(','),
    campaign: filters.campaignId,
    q: filters.q,
  };
  for (const [name, value] of Object.entries(kept)) if (value) feed.set(name, value);
  return (
    <>
      <Button
        component="a"
        href={`/api/v1/posts/export.csv?${csv.toString()}`}
        download
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        Export CSV
      </Button>
      <LinkButton
        href={`/settings/calendar-feed?${feed.toString()}`}
        variant="default"
        leftSection={<IconCalendarShare size={16} aria-hidden />}
      >
        Calendar feed
      </LinkButton>
    </>
  );
}
