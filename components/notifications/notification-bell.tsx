'use client';

// The bell in the header: the unread count in its name and on a badge, a popover of the latest
// few (each a link that marks itself read when followed), "Mark all read" and the way to the
// page. A notification that arrives while the page is open is toasted and announced politely,
// without taking focus.
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Popover,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { markAllNotificationsReadAction } from '@/app/(app)/notifications/actions';
import { badgeText, bellLabel, inAppHref, titleWithCount } from '@/lib/notifications/bell-words';
import type { NotificationView } from '@/lib/notifications/notification-view';
import { NotificationSummary } from './notification-summary';
import { type NotificationFeed, sendRead, useNotificationFeed } from './use-notification-feed';

const TITLE_ID = 'notification-popover-title';
/** More than this many at once are one toast, "5 new notifications". */
const MAX_TOASTS = 3;

export function NotificationBell({ initial }: { initial: NotificationFeed }) {
  const router = useRouter();
  const pathname = usePathname();
  const [opened, setOpened] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [pending, startTransition] = useTransition();

  // Declared before the feed that calls it back; `follow` needs the feed's markedRead.
  const followRef = useRef<(notification: NotificationView) => void>(() => undefined);
  const onArrivals = useCallback(
    (arrived: NotificationView[]) => {
      toast(arrived, (notification) => followRef.current(notification));
      // The live region below says it for a screen reader: a toast's own role would interrupt.
      setAnnouncement(
        arrived.length === 1
          ? `New notification: ${titleWithCount(arrived[0]!.title, arrived[0]!.count)}`
          : `${arrived.length} new notifications`,
      );
      // The notifications page lists them too: show it the new ones.
      if (pathname === '/notifications') router.refresh();
    },
    [pathname, router],
  );
  const { feed, refresh, markedRead } = useNotificationFeed(initial, onArrivals);
  const unread = feed.unreadCount;

  const follow = (notification: NotificationView) => {
    setOpened(false);
    if (notification.readAt !== null) return;
    markedRead([notification.id]);
    sendRead([notification.id]);
  };
  useEffect(() => {
    followRef.current = follow;
  });

  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction();
      if (result.ok) markedRead('all');
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: 'red', message: result.error },
      );
    });

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width="min(380px, calc(100vw - 24px))"
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={40}
            radius="xl"
            aria-label={bellLabel(unread)}
            data-testid="notification-bell"
            onClick={() => {
              if (!opened) void refresh();
              setOpened((open) => !open);
            }}
            pos="relative"
          >
            <IconBell size={22} stroke={1.7} aria-hidden />
            {unread > 0 && (
              <Badge
                size="sm"
                color="red"
                variant="filled"
                radius="xl"
                px={5}
                pos="absolute"
                top={1}
                right={-2}
                aria-hidden
                data-testid="notification-badge"
                style={{ pointerEvents: 'none', minWidth: 20 }}
              >
                {badgeText(unread)}
              </Badge>
            )}
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-labelledby={TITLE_ID}>
          <Group justify="space-between" px="md" py="sm" wrap="nowrap">
            <Text id={TITLE_ID} component="h2" fw={700} size="md">
              Notifications
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={markAll}
              loading={pending}
              disabled={unread === 0}
            >
              Mark all read
            </Button>
          </Group>
          <Divider />
          {feed.items.length === 0 ? (
            <Text size="sm" c="gray.7" px="md" py="lg">
              Nothing yet. You will be told here when a message needs you, a post fails or is held,
              or publishing is paused.
            </Text>
          ) : (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {feed.items.map((notification) => (
                <li key={notification.id}>
                  <UnstyledButton
                    component={Link}
                    href={inAppHref(notification.link)}
                    onClick={() => follow(notification)}
                    onAuxClick={() => follow(notification)}
                    display="block"
                    px="md"
                    py="sm"
                    bg={notification.readAt === null ? 'signpost.0' : undefined}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                  >
                    <NotificationSummary notification={notification} compact />
                  </UnstyledButton>
                </li>
              ))}
            </Box>
          )}
          <Stack px="md" py="sm" gap={4}>
            <Anchor
              component={Link}
              href="/notifications"
              size="sm"
              fw={600}
              onClick={() => setOpened(false)}
            >
              See all notifications
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <VisuallyHidden role="status" aria-live="polite" data-testid="notification-announcer">
        {announcement}
      </VisuallyHidden>
    </>
  );
}

function toast(arrived: NotificationView[], onOpen: (notification: NotificationView) => void) {
  if (arrived.length > MAX_TOASTS) {
    notifications.show(toastOf(`${arrived.length} new notifications`, null, '/notifications'));
    return;
  }
  for (const notification of arrived) {
    notifications.show(
      toastOf(
        titleWithCount(notification.title, notification.count),
        notification.body,
        inAppHref(notification.link),
        () => onOpen(notification),
      ),
    );
  }
}

function toastOf(title: string, body: string | null, href: string, onOpen?: () => void) {
  return {
    title,
    message: (
      <>
        {body && (
          <Text size="sm" lineClamp={2}>
            {body}
          </Text>
        )}
        <Anchor component={Link} href={href} size="sm" fw={600} onClick={onOpen}>
          Open
        </Anchor>
      </>
    ),
    color: 'signpost',
    icon: <IconBell size={18} aria-hidden />,
    autoClose: 8000,
    // Announced by the bell's own polite live region; a toast's default role, alert, would
    // interrupt whatever the screen reader was saying.
    role: 'group' as const,
    'aria-label': `New notification: ${title}`,
    'data-testid': 'notification-toast',
  };
}
