'use client';

import { Badge, Tabs } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { PostStatus } from '@/lib/posts/state-machine';
import type { ScheduleView } from '@/lib/posts/schedule-views';

export function ScheduleTabs({
  view,
  counts,
}: {
  view: ScheduleView;
  counts: Record<PostStatus, number>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const go = (next: string | null) => {
    const params = new URLSearchParams(search);
    params.set('view', next ?? 'upcoming');
    // A cursor belongs to one list: another tab starts at its first page.
    params.delete('cursor');
    router.push(`${pathname}?${params.toString()}`);
  };
  const attention = counts.held + counts.failed + counts.unconfirmed;
  return (
    <Tabs value={view} onChange={go} variant="outline">
      <Tabs.List>
        <Tabs.Tab
          value="upcoming"
          rightSection={
            <Badge variant="light" size="sm">
              {counts.scheduled + counts.publishing}
            </Badge>
          }
        >
          Upcoming
        </Tabs.Tab>
        <Tabs.Tab
          value="attention"
          rightSection={
            <Badge
              variant={attention > 0 ? 'filled' : 'light'}
              color={attention > 0 ? 'orange' : 'gray'}
              size="sm"
            >
              {attention}
            </Badge>
          }
        >
          Needs attention
        </Tabs.Tab>
        <Tabs.Tab
          value="published"
          rightSection={
            <Badge variant="light" color="green" size="sm">
              {counts.published}
            </Badge>
          }
        >
          Published
        </Tabs.Tab>
        <Tabs.Tab value="all">All</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
