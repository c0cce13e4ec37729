'use client';

import {
  ActionIcon,
  Checkbox,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarTime,
  IconDots,
  IconExternalLink,
  IconEye,
  IconPlayerPlay,
  IconRefresh,
  IconX,
} from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useRouter } from 'next/navigation';
import { type ReactNode, useRef, useState, useTransition } from 'react';
import {
  cancelPostAction,
  releasePostAction,
  retryPostAction,
  type ActionResult,
} from '@/app/(app)/schedule/actions';
import { PlatformBadge } from '@/components/platform-badge';
import { PostStatusBadge } from '@/components/posts/post-status-badge';
import type { PostAction } from '@/lib/posts/post-actions';
import type { PostView } from '@/lib/posts/post-view';
import type { ScheduleView } from '@/lib/posts/schedule-views';
import { BulkBar } from './bulk-bar';
import { type BulkOutcome, BulkResultDialog } from './bulk-result';
import { PostDetail } from './post-detail';
import { RescheduleDialog } from './reschedule-dialog';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

function groupByDay(posts: PostView[]) {
  const groups = new Map<string, PostView[]>();
  for (const post of posts) {
    const day = dayFormat.format(new Date(post.scheduledAt));
    groups.set(day, [...(groups.get(day) ?? []), post]);
  }
  return [...groups.entries()];
}

const EMPTY: Record<ScheduleView, string> = {
  upcoming: 'Nothing is scheduled. Schedule an approved message from its campaign.',
  attention: 'Nothing needs you: no post is held, failed or being checked.',
  published: 'Nothing was published in this period.',
  all: 'No posts match these filters.',
};

/** How each action the post allows (PostView.actions, decided in lib) appears in its menu. */
const ACTION_ITEMS: Record<PostAction, { label: string; icon: ReactNode }> = {
  reschedule: { label: 'Reschedule', icon: <IconCalendarTime size={14} /> },
  release: { label: 'Release', icon: <IconPlayerPlay size={14} /> },
  retry: { label: 'Retry now', icon: <IconRefresh size={14} /> },
  cancel: { label: 'Cancel post', icon: <IconX size={14} /> },
};

/** The actions taken at once; rescheduling asks for the new time in its dialog first. */
const RUN: Record<
  Exclude<PostAction, 'reschedule'>,
  (postId: string) => Promise<ActionResult<unknown>>
> = { release: releasePostAction, retry: retryPostAction, cancel: cancelPostAction };

export function PostList({ posts, view }: { posts: PostView[]; view: ScheduleView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [detail, setDetail] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState<PostView | null>(null);
  // Mantine's sm breakpoint (48em). The server draws the table; a phone swaps it for cards.
  const narrow = useMediaQuery('(max-width: 47.99em)');
  // Posts chosen for a bulk action: only those the person may do something to.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const selectable = posts.filter((post) => post.actions.length > 0);
  const selected = selectable.filter((post) => chosen.has(post.id));
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const describe = (id: string) => {
    const post = posts.find((candidate) => candidate.id === id);
    return post
      ? `“${post.messageTitle}” on ${post.channel.handle} (${post.organisation.name})`
      : 'A post';
  };

  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await action();
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: 'red', title: 'Not done', message: result.error },
      );
      router.refresh();
    });

  const menu = (post: PostView) => (
    <PostMenu
      post={post}
      pending={pending}
      onDetail={() => setDetail(post.id)}
      onAction={(action) =>
        action === 'reschedule' ? setRescheduling(post) : run(() => RUN[action](post.id))
      }
    />
  );

  const checkbox = (post: PostView) =>
    post.actions.length > 0 ? (
      <Checkbox
        aria-label={`Select “${post.messageTitle}” on ${post.channel.handle} at ${timeFormat.format(new Date(post.scheduledAt))}`}
        checked={chosen.has(post.id)}
        onChange={() => toggle(post.id)}
      />
    ) : null;
  const allChosen = selectable.length > 0 && selected.length === selectable.length;
  // The result stays on screen when the refreshed list has none of the posts left to show.
  const result = (
    <BulkResultDialog
      outcome={outcome}
      onClose={() => {
        setOutcome(null);
        // The bar that opened it is gone with the selection: focus goes back to the list.
        selectAll.current?.focus();
      }}
    />
  );

  if (posts.length === 0) {
    return (
      <Paper withBorder p="xl" ta="center">
        <Text c="dimmed">{EMPTY[view]}</Text>
        {result}
      </Paper>
    );
  }

  return (
    <Stack gap="lg">
      {selectable.length > 0 && (
        <Checkbox
          ref={selectAll}
          label={`Select all shown (${selectable.length})`}
          checked={allChosen}
          indeterminate={selected.length > 0 && !allChosen}
          onChange={() =>
            setChosen(allChosen ? new Set() : new Set(selectable.map((post) => post.id)))
          }
        />
      )}
      {/* Said aloud as the selection changes and when a bulk action is done. */}
      <VisuallyHidden aria-live="polite" role="status">
        {outcome
          ? `${outcome.verb}: ${outcome.results.filter((result) => result.ok).length} of ${outcome.results.length} posts.`
          : selected.length > 0
            ? `${selected.length} post${selected.length === 1 ? '' : 's'} selected.`
            : ''}
      </VisuallyHidden>
      {groupByDay(posts).map(([day, dayPosts]) => (
        <Paper withBorder key={day}>
          <Group
            px="md"
            py="xs"
            bg="gray.0"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Title order={2} size="h5">
              {day}
            </Title>
            <Text size="sm" c="dimmed">
              {dayPosts.length} post{dayPosts.length === 1 ? '' : 's'}
            </Text>
          </Group>
          {narrow ? (
            // On a phone each post is a card: a table of six columns would scroll sideways.
            <Stack gap={0}>
              {dayPosts.map((post) => (
                <Group
                  key={post.id}
                  data-testid="post-row"
                  data-post-id={post.id}
                  wrap="nowrap"
                  align="flex-start"
                  justify="space-between"
                  px="md"
                  py="sm"
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                >
                  {checkbox(post)}
                  <Stack gap={4} miw={0} style={{ flex: 1 }}>
                    <Group gap="xs">
                      <Text fw={600} ff="monospace">
                        {timeFormat.format(new Date(post.scheduledAt))}
                      </Text>
                      <PlatformBadge platform={post.platform} />
                      <PostStatusBadge status={post.status} />
                    </Group>
                    <PostSummary post={post} />
                  </Stack>
                  {menu(post)}
                </Group>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" highlightOnHover>
                {/* Each cell is read with its column's name (1.3.1). */}
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <VisuallyHidden>Select</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Platform</Table.Th>
                    <Table.Th>Post</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dayPosts.map((post) => (
                    <Table.Tr key={post.id} data-testid="post-row" data-post-id={post.id}>
                      <Table.Td w={40}>{checkbox(post)}</Table.Td>
                      <Table.Td w={70}>
                        <Text fw={600} ff="monospace">
                          {timeFormat.format(new Date(post.scheduledAt))}
                        </Text>
                      </Table.Td>
                      <Table.Td w={140}>
                        <PlatformBadge platform={post.platform} />
                      </Table.Td>
                      <Table.Td>
                        <PostSummary post={post} />
                      </Table.Td>
                      <Table.Td w={120}>
                        <PostStatusBadge status={post.status} />
                      </Table.Td>
                      <Table.Td w={56}>{menu(post)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
      {selected.length > 0 && (
        <BulkBar
          selected={selected}
          onClear={() => setChosen(new Set())}
          onDone={(done) => {
            // Named now: a cancelled post leaves the list once the page refreshes.
            setOutcome({
              ...done,
              labels: Object.fromEntries(selected.map((p) => [p.id, describe(p.id)])),
            });
            setChosen(new Set());
            router.refresh();
          }}
        />
      )}
      {result}
      <PostDetail postId={detail} onClose={() => setDetail(null)} />
      <RescheduleDialog post={rescheduling} onClose={() => setRescheduling(null)} />
    </Stack>
  );
}

/** What the post is, where it goes, and why it is held or failed. */
function PostSummary({ post }: { post: PostView }) {
  return (
    <>
      <Text size="sm" fw={500} lineClamp={1}>
        {post.messageTitle}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {post.organisation.name} · {post.channel.handle}
        {post.attempts > 1 ? ` · ${post.attempts} attempts` : ''}
      </Text>
      {(post.heldReason || (post.status === 'failed' && post.lastError)) && (
        <Text size="xs" c={post.status === 'failed' ? 'red.7' : 'orange.8'} lineClamp={2} mt={2}>
          {post.status === 'failed' ? post.lastError : post.heldReason}
        </Text>
      )}
    </>
  );
}

/** The post's menu: its details, its page on the platform, and the actions lib allows it. */
function PostMenu({
  post,
  pending,
  onDetail,
  onAction,
}: {
  post: PostView;
  pending: boolean;
  onDetail: () => void;
  onAction: (action: PostAction) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={`Actions for ${post.messageTitle} on ${post.channel.handle}`}
          loading={pending}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEye size={14} aria-hidden />} onClick={onDetail}>
          Details and attempts
        </Menu.Item>
        {post.externalUrl && (
          <Menu.Item
            leftSection={<IconExternalLink size={14} aria-hidden />}
            component="a"
            href={post.externalUrl}
            target="_blank"
            rel="noreferrer"
          >
            Open on the platform
          </Menu.Item>
        )}
        {post.actions.map((action) => (
          <Menu.Item
            key={action}
            color={action === 'cancel' ? 'red' : undefined}
            leftSection={ACTION_ITEMS[action].icon}
            onClick={() => onAction(action)}
          >
            {ACTION_ITEMS[action].label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
