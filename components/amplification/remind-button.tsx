'use client';

import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging } from '@tabler/icons-react';
import { useTransition } from 'react';
import { remindPartnerAction } from '@/app/(app)/reach/amplification/actions';

/** Sends the partner a notification and an email asking it to share the message. */
export function RemindButton({
  organisation,
  organisationName,
  messageId,
  messageTitle,
}: {
  organisation: string;
  organisationName: string;
  messageId: string;
  messageTitle: string;
}) {
  const [pending, startTransition] = useTransition();
  const remind = () =>
    startTransition(async () => {
      const result = await remindPartnerAction({ organisation, messageId });
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: result.code === 'rate_limited' ? 'blue' : 'red', message: result.error },
      );
    });
  return (
    <Button
      variant="light"
      size="xs"
      leftSection={<IconBellRinging size={14} aria-hidden />}
      loading={pending}
      onClick={remind}
      aria-label={`Remind ${organisationName} to share “${messageTitle}”`}
      // Long names wrap on a phone instead of pushing the page sideways.
      styles={{ root: { height: 'auto', minHeight: 30 }, label: { whiteSpace: 'normal' } }}
    >
      <Text span size="xs" fw={600}>
        Remind
      </Text>
    </Button>
  );
}
