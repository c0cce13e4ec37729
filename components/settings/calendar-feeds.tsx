'use client';

import {
  Alert,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState, useTransition } from 'react';
import {
  createCalendarFeedAction,
  revokeCalendarFeedAction,
} from '@/app/(app)/settings/calendar-feed/actions';
import { formatDateTime } from '@/components/format';
import type { CalendarFeedFilters } from '@/lib/calendar-feeds/calendar-feeds';
import { ShownOnceValue } from './shown-once-value';

export interface FeedRow {
  id: string;
  label: string;
  prefix: string;
  /** The filters in words: "Search “knife”, platform x". */
  filters: string;
  createdAt: string;
  lastFetchedAt: string | null;
}

export function CalendarFeeds({
  feeds,
  filters,
  filtersInWords,
}: {
  feeds: FeedRow[];
  /** The Schedule page's filters this page was opened with, kept by a new feed. */
  filters: CalendarFeedFilters;
  filtersInWords: string;
}) {
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [revoking, startRevoke] = useTransition();
  return (
    <Stack gap="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await createCalendarFeedAction({ label, filters });
            if (!result.ok) {
              setError(result.fields?.label ?? result.error);
              return;
            }
            setError(null);
            setLabel('');
            setUrl(result.value.url);
          });
        }}
      >
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <TextInput
              name="label"
              label="New feed"
              placeholder="Work calendar"
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
              error={error}
              w={280}
            />
            <Button type="submit" loading={pending} leftSection={<IconCalendarPlus size={16} />}>
              Create feed
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {filtersInWords
              ? `It will show only the posts that match: ${filtersInWords}.`
              : 'It will show every post you may see. To narrow it, open this page from the Schedule with filters chosen.'}
          </Text>
        </Stack>
      </form>
      {url && (
        <Alert
          color="green"
          variant="light"
          title="Copy the feed’s address now: it will not be shown again"
        >
          <Stack gap="xs">
            <ShownOnceValue value={url} testId="new-feed-url" />
            <Text size="sm">
              In your calendar app, choose “Subscribe to calendar” (or “Add from URL”) and paste it.
              Anyone with the address can read the feed, so keep it to yourself; revoke it here if
              it gets out.
            </Text>
          </Stack>
        </Alert>
      )}
      {feeds.length === 0 ? (
        <Text size="sm" c="dimmed">
          You have no calendar feeds.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Address starts</Table.Th>
                <Table.Th>Shows</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last read by a calendar</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {feeds.map((feed) => (
                <Table.Tr key={feed.id} data-testid="calendar-feed">
                  <Table.Td>{feed.label}</Table.Td>
                  <Table.Td>
                    <Code>{feed.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{feed.filters || 'Every post you may see'}</Table.Td>
                  <Table.Td>{formatDateTime(feed.createdAt)}</Table.Td>
                  <Table.Td>
                    {feed.lastFetchedAt ? formatDateTime(feed.lastFetchedAt) : 'Not yet'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoking}
                      aria-label={`Revoke the feed “${feed.label}”`}
                      onClick={() =>
                        startRevoke(async () => {
                          const result = await revokeCalendarFeedAction(feed.id);
                          notifications.show(
                            result.ok
                              ? { color: 'green', message: result.message }
                              : { color: 'red', message: result.error },
                          );
                        })
                      }
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
