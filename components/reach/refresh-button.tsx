'use client';

import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTransition } from 'react';
import { refreshReachAction } from '@/app/(app)/reach/actions';

/** Reads the figures of the posts in view from the platforms now (at most once per five minutes). */
export function RefreshButton({
  campaignId,
  organisation,
}: {
  campaignId: string | null;
  organisation?: string;
}) {
  const [pending, startTransition] = useTransition();
  const refresh = () =>
    startTransition(async () => {
      const result = await refreshReachAction({
        ...(campaignId ? { campaignId } : {}),
        ...(organisation ? { organisation } : {}),
      });
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: result.code === 'rate_limited' ? 'blue' : 'red', message: result.error },
      );
    });
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconRefresh size={16} aria-hidden />}
      loading={pending}
      onClick={refresh}
    >
      Refresh figures
    </Button>
  );
}
