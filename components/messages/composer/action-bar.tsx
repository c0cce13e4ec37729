'use client';

// The composer's buttons, kept in view at the bottom of the form on a tall enough screen. Memoised, with callbacks that
// never change, so typing does not re-render them: only the saved/unsaved words change.
import { Box, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { memo } from 'react';
import classes from './action-bar.module.css';

export const ActionBar = memo(function ActionBar({
  state,
  doing,
  pending,
  onSave,
  onSubmit,
}: {
  state: string;
  doing: 'save' | 'submit' | null;
  pending: boolean;
  onSave: () => void;
  onSubmit: () => void;
}) {
  return (
    <Box className={classes.bar} data-testid="composer-action-bar">
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" aria-live="polite">
          {state}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={onSave}
            loading={doing === 'save'}
            disabled={pending}
          >
            Save draft
          </Button>
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={onSubmit}
            loading={doing === 'submit'}
            disabled={pending}
          >
            Submit for review
          </Button>
        </Group>
      </Group>
    </Box>
  );
});
