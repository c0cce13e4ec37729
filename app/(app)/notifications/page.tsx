import { Group, Stack, Text } from '@mantine/core';
import { IconMailCog } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { LinkButton } from '@/components/link-button';
import { NotificationFilters } from '@/components/notifications/notification-filters';
import { MarkAllReadButton, NotificationList } from '@/components/notifications/notification-list';
import { PageHeader } from '@/components/shell/page-header';
import { requireActor } from '@/lib/auth/session-actor';
import { AppError } from '@/lib/errors';
import { isNotificationKind } from '@/lib/notifications/kinds';
import {
  listNotifications,
  NotificationListQuery,
  type NotificationPage,
} from '@/lib/notifications/list-notifications';
import { readFilter, unreadParameter } from '@/lib/notifications/read-filter';

export const metadata: Metadata = { title: 'Notifications' };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const PAGE_SIZE = 25;

/** This page's address with these filters (and, for a later page, its cursor). */
function pageHref(values: Record<string, string | undefined>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, cursor }))
    if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/notifications?${query}` : '/notifications';
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  const params = await searchParams;
  // Filters from the address: an unknown one is dropped, not an error page.
  const show = readFilter(one(params.show));
  const kindParam = one(params.kind);
  const kind = kindParam && isNotificationKind(kindParam) ? kindParam : undefined;
  const cursor = one(params.cursor);
  const values = { show: show === 'all' ? undefined : show, kind };
  const query = NotificationListQuery.parse({
    limit: PAGE_SIZE,
    order: 'unread_first',
    unread: unreadParameter(show),
    kind,
  });
  // A stale cursor (from another filter) starts the list again rather than failing the page.
  const page: NotificationPage = await listNotifications(actor, { ...query, cursor }).catch(
    (error: unknown) => {
      if (cursor && error instanceof AppError && error.code === 'validation_failed')
        return listNotifications(actor, query);
      throw error;
    },
  );

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What needs you and what happened to your messages, posts and channels. Unread first, then newest; times are UK time."
        actions={
          <>
            <MarkAllReadButton unread={page.unreadCount} />
            <LinkButton
              variant="subtle"
              href="/settings/notifications"
              // Seldom opened from here: not worth fetching ahead with every visit.
              prefetch={false}
              leftSection={<IconMailCog size={16} aria-hidden />}
            >
              Email settings
            </LinkButton>
          </>
        }
      />
      <Stack gap="md">
        <NotificationFilters show={show} kind={kind ?? null} />
        <Text size="sm" c="gray.7" data-testid="unread-summary" aria-live="polite">
          {page.unreadCount === 0
            ? 'Nothing unread.'
            : `${page.unreadCount} unread notification${page.unreadCount === 1 ? '' : 's'}.`}
        </Text>
        <NotificationList
          items={page.items}
          filtered={show !== 'all' || kind !== undefined}
          later={Boolean(cursor)}
        />
        <Group justify="space-between">
          {cursor ? (
            <LinkButton variant="default" href={pageHref(values)}>
              Back to the start
            </LinkButton>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <LinkButton variant="default" href={pageHref(values, page.nextCursor)}>
              More notifications
            </LinkButton>
          )}
        </Group>
      </Stack>
    </>
  );
}
