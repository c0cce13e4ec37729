'use client';

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Divider,
  Drawer,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/components/format';
import { PlatformBadge } from '@/components/platform-badge';
import { PostStatusBadge } from '@/components/posts/post-status-badge';
import { PostReach } from '@/components/reach/post-reach';
import type { PostWithAttempts } from '@/lib/posts/post-view';

const OUTCOME_WORDS: Record<
  NonNullable<PostWithAttempts['publishAttempts'][number]['outcome']>,
  { label: string; color: string }
> = {
  published: { label: 'Published', color: 'green' },
  transient: { label: 'Temporary error, retried', color: 'orange' },
  auth: { label: 'Account needs re-authorising', color: 'red' },
  permanent: { label: 'Refused by the platform', color: 'red' },
  unknown: { label: 'Outcome unknown', color: 'yellow' },
  found_existing: { label: 'Found on the platform', color: 'green' },
};

export function PostDetail({
  postId,
  onClose,
  onReschedule,
}: {
  postId: string | null;
  onClose: () => void;
  /** Offers "Reschedule…" when the post allows it (the calendar's keyboard way to move a post). */
  onReschedule?: (post: PostWithAttempts) => void;
}) {
  return (
    <Drawer
      opened={postId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Post details"
    >
      {/* Keyed by post: each post's details start empty and load afresh. */}
      {postId && <PostDetailBody key={postId} postId={postId} onReschedule={onReschedule} />}
    </Drawer>
  );
}

function PostDetailBody({
  postId,
  onReschedule,
}: {
  postId: string;
  onReschedule?: (post: PostWithAttempts) => void;
}) {
  const [post, setPost] = useState<PostWithAttempts | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/v1/posts/${postId}`)
      .then(async (response) => {
        const body: unknown = await response.json();
        if (cancelled) return;
        if (response.ok) setPost(body as PostWithAttempts);
        else
          setError(
            (body as { error?: { message?: string } }).error?.message ??
              'The post could not be loaded.',
          );
      })
      .catch(() => {
        if (!cancelled) setError('The post could not be loaded. Check your connection.');
      });
    return () => {
      cancelled = true;
    };
  }, [postId]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!post) return <Loader size="sm" />;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <PlatformBadge platform={post.platform} />
        <PostStatusBadge status={post.status} />
        <Badge variant="outline" color="gray">
          Signpost v{post.signpostVersion}
        </Badge>
      </Group>
      <div>
        <Text fw={600}>{post.messageTitle}</Text>
        <Text size="sm" c="dimmed">
          {post.organisation.name} · {post.channel.handle} · {formatDateTime(post.scheduledAt)}
        </Text>
      </div>
      {onReschedule && post.actions.includes('reschedule') && (
        <Group>
          <Button
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            onClick={() => onReschedule(post)}
          >
            Reschedule…
          </Button>
        </Group>
      )}
      {post.heldReason && (
        <Alert color="orange" title="Held">
          {post.heldReason}
        </Alert>
      )}
      {post.status === 'failed' && post.lastError && (
        <Alert color="red" title="Failed">
          {post.lastError}
        </Alert>
      )}
      <Paper withBorder p="md" bg="gray.0">
        <Text size="xs" c="dimmed" mb={4}>
          {post.status === 'published'
            ? 'Published text'
            : 'Text as it stands (rendered again with the current signpost when published)'}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {/* Only retention empties a post's text (lib/retention/apply-retention.ts). */}
          {post.text === ''
            ? 'The text was removed after its retention period; the post and its figures are kept.'
            : post.text}
        </Text>
      </Paper>
      {post.externalUrl && (
        <Anchor href={post.externalUrl} target="_blank" rel="noreferrer" size="sm">
          Open on the platform
        </Anchor>
      )}
      {post.externalId && (
        <Text size="xs" c="dimmed">
          Platform id <Code>{post.externalId}</Code>
        </Text>
      )}
      {post.status === 'published' && (
        <>
          <Divider label="Reach" labelPosition="left" />
          <PostReach postId={post.id} />
        </>
      )}
      <Divider label="Publish attempts" labelPosition="left" />
      {post.publishAttempts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No attempt yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {post.publishAttempts.map((attempt) => (
              <Table.Tr key={attempt.number}>
                <Table.Td>{attempt.number}</Table.Td>
                <Table.Td>{formatDateTime(attempt.startedAt)}</Table.Td>
                <Table.Td>
                  {attempt.outcome ? (
                    <Badge variant="light" color={OUTCOME_WORDS[attempt.outcome].color}>
                      {OUTCOME_WORDS[attempt.outcome].label}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="cyan">
                      In progress
                    </Badge>
                  )}
                  {attempt.error && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {attempt.httpStatus ? `HTTP ${attempt.httpStatus}: ` : ''}
                      {attempt.error}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
