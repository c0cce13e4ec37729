'use client';

// Reviewers talk about a message beside it: questions on a draft, a note on an approval.
import { Avatar, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { commentAction } from '@/app/(app)/messages/actions';
import { formatDateTime } from '@/components/format';
import type { CommentView } from '@/lib/messages/message-schemas';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .slice(0, 2)
    .join('');

export function CommentsThread({
  messageId,
  comments,
  mayComment,
}: {
  messageId: string;
  comments: CommentView[];
  mayComment: boolean;
}) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      if (body.trim() === '') return setError('Write the comment first.');
      const result = await commentAction(messageId, { body });
      if (!result.ok) return setError(result.fields?.body ?? result.error);
      setBody('');
      setError(null);
      notifications.show({ color: 'green', message: result.message });
      router.refresh();
    });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="comments-heading">
      <Stack gap="md">
        <Title order={2} size="h5" id="comments-heading">
          Comments ({comments.length})
        </Title>
        {comments.length === 0 && (
          <Text size="sm" c="dimmed">
            No comments yet.
          </Text>
        )}
        {comments.map((comment) => (
          <Group key={comment.id} align="flex-start" wrap="nowrap" gap="sm" data-testid="comment">
            <Avatar size="sm" radius="xl" color="signpost">
              {initials(comment.author.name)}
            </Avatar>
            <Stack gap={2} style={{ flex: 1 }}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {comment.author.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(comment.createdAt)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {comment.body}
              </Text>
            </Stack>
          </Group>
        ))}
        {mayComment && (
          <Stack gap="xs">
            <Textarea
              label="Add a comment"
              description="Seen by campaign leads and comms officers; not published."
              autosize
              minRows={2}
              maxRows={8}
              maxLength={5000}
              value={body}
              onChange={(event) => {
                setBody(event.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <Group justify="flex-end">
              <Button variant="light" onClick={send} loading={pending}>
                Comment
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
