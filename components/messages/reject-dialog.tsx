'use client';

import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

/** Asks why a message goes back to its author; the reason is shown to them on the draft. */
export function RejectDialog({
  opened,
  title,
  onClose,
  onReject,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onReject: (
    reason: string,
  ) => Promise<{ ok: true } | { ok: false; error: string; fields?: Record<string, string> }>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    if (reason.trim() === '') return setFieldError('Tell the author what to change.');
    setPending(true);
    const outcome = await onReject(reason);
    setPending(false);
    if (outcome.ok) {
      setReason('');
      return;
    }
    setFieldError(outcome.fields?.reason ?? null);
    setError(outcome.fields?.reason ? null : outcome.error);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Send “${title}” back to its author`} size="lg">
      <Stack>
        <Text size="sm">
          It goes back to draft. The author sees your reason beside it, changes it and submits it
          again.
        </Text>
        <Textarea
          label="What should change?"
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setFieldError(null);
          }}
          error={fieldError}
          data-autofocus
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={send} loading={pending}>
            Send back to draft
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
