'use client';

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { liftPauseAction } from '@/app/(app)/schedule/actions';
import { formatDateTime } from '@/components/format';

export interface BannerPause {
  id: string;
  what: string;
  reason: string;
  createdBy: string;
  startsAt: string;
  endsAt: string | null;
  mayLift: boolean;
}

/** On every page while a pause is on: what is paused, why, since when, and a way to lift it. */
export function PauseBanner({ pauses }: { pauses: BannerPause[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (pauses.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" maw={1280} mx="auto" data-testid="pause-banner">
      {pauses.map((pause) => (
        <Alert
          key={pause.id}
          color="orange"
          variant="filled"
          icon={<IconPlayerPause size={20} />}
          role="status"
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={700}>Publishing is paused for {pause.what}</Text>
              <Text size="sm">
                {pause.reason} — {pause.createdBy}, since {formatDateTime(pause.startsAt)}
                {pause.endsAt ? `, until ${formatDateTime(pause.endsAt)}` : ''}. Posts due meanwhile
                are held.
              </Text>
            </div>
            {pause.mayLift && (
              <Button
                size="xs"
                color="dark"
                variant="white"
                style={{ flexShrink: 0 }}
                loading={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await liftPauseAction(pause.id);
                    notifications.show(
                      result.ok
                        ? { color: 'green', message: result.message }
                        : { color: 'red', message: result.error },
                    );
                    router.refresh();
                  })
                }
              >
                Lift pause
              </Button>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
