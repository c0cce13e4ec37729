'use client';

// The accounts Facebook offered, to pick from: each Page, and the Instagram account linked to it.
import { Alert, Button, Checkbox, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { connectPickedAccountsAction } from '@/app/(app)/settings/channels/actions';

export function PickAccountsForm({
  authorisationId,
  choices,
}: {
  authorisationId: string;
  choices: {
    key: string;
    handle: string;
    name: string;
    platformLabel: string;
    connected: boolean;
  }[];
}) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const result = await connectPickedAccountsAction(authorisationId, { accounts: picked });
      if (!result.ok) {
        setError(
          result.fields?.accounts ? `${result.error} (${result.fields.accounts})` : result.error,
        );
        return;
      }
      notifications.show({ color: 'green', message: result.message, autoClose: 8000 });
      router.push('/settings');
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Checkbox.Group
          label="Accounts"
          description="Choose one or more."
          value={picked}
          onChange={setPicked}
        >
          <Stack gap="sm" mt="xs">
            {choices.map((choice) => (
              <Checkbox
                key={choice.key}
                value={choice.key}
                label={`${choice.name} (${choice.platformLabel}, ${choice.handle})`}
                description={
                  choice.connected ? 'Already a channel: choosing it reconnects it.' : undefined
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button
          type="submit"
          loading={pending}
          disabled={picked.length === 0}
          styles={{ label: { whiteSpace: 'normal' }, root: { height: 'auto', minHeight: 36 } }}
          style={{ alignSelf: 'flex-start' }}
        >
          Connect the chosen accounts
        </Button>
      </Stack>
    </form>
  );
}
