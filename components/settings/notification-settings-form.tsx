'use client';

import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  RadioGroup,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { saveNotificationSettingsAction } from '@/app/(app)/settings/notifications/actions';
import {
  EMAIL_DELIVERIES,
  EMAIL_DELIVERY_LABELS,
  type EmailDelivery,
} from '@/lib/notifications/kinds';
import type { NotificationSettingsView } from '@/lib/notifications/notification-settings';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

export function NotificationSettingsForm({ settings }: { settings: NotificationSettingsView }) {
  const router = useRouter();
  const [choices, setChoices] = useState<Record<string, EmailDelivery>>(() =>
    Object.fromEntries(settings.kinds.map((kind) => [kind.kind, kind.delivery])),
  );
  const [digestHour, setDigestHour] = useState<string | null>(String(settings.digestHour));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await saveNotificationSettingsAction({
        email: choices,
        digestHour: digestHour === null ? null : Number(digestHour),
      });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFailure(result.error);
        return;
      }
      setErrors({});
      notifications.show({ color: 'green', message: result.message });
      router.refresh();
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            Email for each kind of notification
          </Title>
          <Text size="sm" c="gray.7" mb="md">
            Each starts at the default for your role; what needs you to act is emailed at once.
          </Text>
          <Stack gap="lg">
            {settings.kinds.map((kind) => (
              <RadioGroup
                key={kind.kind}
                name={`email-${kind.kind}`}
                label={kind.label}
                description={`Default for your role: ${EMAIL_DELIVERY_LABELS[kind.default].toLowerCase()}`}
                value={choices[kind.kind] ?? kind.default}
                onChange={(value) =>
                  setChoices((previous) => ({ ...previous, [kind.kind]: value as EmailDelivery }))
                }
                error={errors[`email.${kind.kind}`]}
              >
                <Group gap="lg" mt={6}>
                  {EMAIL_DELIVERIES.map((delivery) => (
                    <Radio
                      key={delivery}
                      value={delivery}
                      label={
                        delivery === kind.default
                          ? `${EMAIL_DELIVERY_LABELS[delivery]} (default)`
                          : EMAIL_DELIVERY_LABELS[delivery]
                      }
                    />
                  ))}
                </Group>
              </RadioGroup>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb={4}>
            Daily digest
          </Title>
          <Text size="sm" c="gray.7" mb="md">
            One email a day with everything set to “{EMAIL_DELIVERY_LABELS.digest.toLowerCase()}”
            since the last one. No email when there is nothing to tell.
          </Text>
          <Select
            label="Send the digest at (UK time)"
            data={HOURS}
            value={digestHour}
            onChange={setDigestHour}
            allowDeselect={false}
            error={errors.digestHour}
            w={220}
          />
        </Paper>
        {failure && (
          <Alert color="red" variant="light" title="Your choices were not saved" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={pending}>
            Save notification choices
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
