'use client';

// The notifications page's list: each one a link to what it is about (following it marks it
// read), with a button to mark it read or unread again; and "Mark all read".
import { Button, Flex, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellOff, IconChecks, IconMail, IconMailOpened } from '@tabler/icons-react';
import Link from 'next/link';
import { useTransition } from 'react';
import {
  type ActionResult,
  markAllNotificationsReadAction,
  markNotificationReadAction,
  markNotificationUnreadAction,
} from '@/app/(app)/notifications/actions';
import { inAppHref, titleWithCount } from '@/lib/notifications/bell-words';
import type { NotificationView } from '@/lib/notifications/notification-view';
import { NotificationSummary } from './notification-summary';
import { sendRead } from './use-notification-feed';

const report = <T,>(result: ActionResult<T>) => {
  if (!result.ok) notifications.show({ color: 'red', message: result.error });
};

export function MarkAllReadButton({ unread }: { unread: number }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="default"
      leftSection={<IconChecks size={16} aria-hidden />}
      loading={pending}
      disabled={unread === 0}
      onClick={() =>
        startTransition(async () => {
          const result = await markAllNotificationsReadAction();
          notifications.show(
            result.ok
              ? { color: 'green', message: result.message }
              : { color: 'red', message: result.error },
          );
        })
      }
    >
      Mark all read
    </Button>
  );
}

function NotificationRow({ notification }: { notification: NotificationView }) {
  const [pending, startTransition] = useTransition();
  const unread = notification.readAt === null;
  const title = titleWithCount(notification.title, notification.count);
  const toggle = () =>
    startTransition(async () =>
      report(
        unread
          ? await markNotificationReadAction(notification.id)
          : await markNotificationUnreadAction(notification.id),
      ),
    );
  return (
    <Flex
      component="li"
      // On a phone the button goes under the words, which then keep the width to themselves.
      direction={{ base: 'column', sm: 'row' }}
      align="flex-start"
      gap="xs"
      px="md"
      py="sm"
      bg={unread ? 'signpost.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="notification-row"
      data-unread={unread || undefined}
    >
      <UnstyledButton
        component={Link}
        href={inAppHref(notification.link)}
        onClick={() => unread && sendRead([notification.id])}
        onAuxClick={() => unread && sendRead([notification.id])}
        style={{ flex: 1, minWidth: 0, alignSelf: 'stretch' }}
      >
        <NotificationSummary notification={notification} />
      </UnstyledButton>
      <Button
        variant="subtle"
        size="compact-sm"
        color="gray.8"
        loading={pending}
        onClick={toggle}
        leftSection={
          unread ? <IconMailOpened size={16} aria-hidden /> : <IconMail size={16} aria-hidden />
        }
        aria-label={`${unread ? 'Mark read' : 'Mark unread'}: ${title}`}
        style={{ flexShrink: 0 }}
        ml={{ base: 46, sm: 0 }}
      >
        {unread ? 'Mark read' : 'Mark unread'}
      </Button>
    </Flex>
  );
}

export function NotificationList({
  items,
  filtered,
  later,
}: {
  items: NotificationView[];
  /** Whether filters are on, for what the empty list says. */
  filtered: boolean;
  /** Whether this is a later page. */
  later: boolean;
}) {
  if (items.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Stack align="center" gap="xs" ta="center">
          <IconBellOff size={36} stroke={1.4} aria-hidden color="var(--mantine-color-gray-7)" />
          <Text fw={600}>
            {later
              ? 'No more notifications.'
              : filtered
                ? 'No notifications match these filters.'
                : 'You have no notifications yet.'}
          </Text>
          <Text size="sm" c="gray.7" maw={480}>
            You are told here when a message waits for your approval or comes back to you, when a
            post fails or is held, when a channel needs reconnecting and when publishing is paused
            or resumes.
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((notification) => (
          <NotificationRow key={notification.id} notification={notification} />
        ))}
      </Stack>
    </Paper>
  );
}
