'use client';

// Connect a channel again (administrators): new credentials for the account, in the fields its
// platform uses. Secrets are typed into password fields and never shown back; what is stored
// now is replaced whole.
import { Alert, Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { connectChannelAction } from '@/app/(app)/settings/actions';
import type { CredentialField } from '@/lib/channels/connect-channel';

export function ConnectChannel({
  channel,
  fields,
}: {
  channel: { id: string; handle: string; platformLabel: string; needsReauth: boolean };
  fields: CredentialField[];
}) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<{ form: string | null; fields: Record<string, string> }>({
    form: null,
    fields: {},
  });
  const [pending, startTransition] = useTransition();

  const close = () => {
    setOpened(false);
    setValues({});
    setErrors({ form: null, fields: {} });
  };
  const submit = () =>
    startTransition(async () => {
      const result = await connectChannelAction(channel.id, { credentials: values });
      if (!result.ok) {
        setErrors({ form: result.error, fields: result.fields ?? {} });
        return;
      }
      notifications.show({ color: 'green', message: result.message, autoClose: 8000 });
      close();
      router.refresh();
    });

  return (
    <>
      <Button
        size="compact-sm"
        variant={channel.needsReauth ? 'filled' : 'subtle'}
        color={channel.needsReauth ? 'orange' : undefined}
        leftSection={<IconPlugConnected size={14} />}
        onClick={() => setOpened(true)}
      >
        {channel.needsReauth ? 'Reconnect' : 'Credentials'}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Connect ${channel.handle} on ${channel.platformLabel}`}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              These replace the credentials stored now, and the channel becomes active. Posts held
              while it was disconnected stay held until its organisation’s comms officers or a
              campaign lead release or reschedule them.
            </Text>
            {errors.form && (
              <Alert color="red" variant="light">
                {errors.form}
              </Alert>
            )}
            {fields.map((field) => {
              const props = {
                label: field.label,
                description: field.description,
                required: field.required,
                autoComplete: 'off',
                value: values[field.name] ?? '',
                error: errors.fields[`credentials.${field.name}`] ?? errors.fields[field.name],
                onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
                  const value = event.currentTarget.value;
                  setValues((current) => ({ ...current, [field.name]: value }));
                },
              };
              return field.secret ? (
                <PasswordInput key={field.name} {...props} />
              ) : (
                <TextInput key={field.name} {...props} />
              );
            })}
            <Button type="submit" loading={pending} mt="xs">
              Save and activate
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
