// One notification's words: its kind's icon, the title (with its count where the title does not
// carry it), the body and when. Shared by the bell's popover and the notifications page.
import { Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { formatDateTime } from '@/components/format';
import { titleWithCount } from '@/lib/notifications/bell-words';
import type { NotificationView } from '@/lib/notifications/notification-view';
import { kindStyle } from './kind-style';

export function NotificationSummary({
  notification,
  compact = false,
}: {
  notification: NotificationView;
  compact?: boolean;
}) {
  const style = kindStyle(notification.kind);
  const unread = notification.readAt === null;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon
        variant="light"
        color={style.color}
        radius="xl"
        size={compact ? 28 : 34}
        aria-hidden
      >
        {style.icon(compact ? 16 : 18)}
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={unread ? 700 : 500} c="var(--mantine-color-text)" lh={1.35}>
          {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
          {titleWithCount(notification.title, notification.count)}
        </Text>
        {notification.body && (
          <Text size="sm" c="gray.7" lineClamp={compact ? 2 : undefined} lh={1.4}>
            {notification.body}
          </Text>
        )}
        <Text size="xs" c="gray.7" component="time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt)}
        </Text>
      </Stack>
      {unread && (
        <span
          aria-hidden
          style={{
            flexShrink: 0,
            width: 10,
            height: 10,
            marginTop: 6,
            borderRadius: '50%',
            background: 'var(--mantine-color-signpost-7)',
          }}
        />
      )}
    </Group>
  );
}
