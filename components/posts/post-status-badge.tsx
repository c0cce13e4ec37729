import { Badge, Tooltip } from '@mantine/core';
import type { PostStatus } from '@/lib/posts/state-machine';

export const POST_STATUS_DISPLAY: Record<
  PostStatus,
  { label: string; color: string; explain: string }
> = {
  scheduled: { label: 'Scheduled', color: 'blue', explain: 'Waiting for its time.' },
  publishing: { label: 'Publishing', color: 'cyan', explain: 'Being sent to the platform now.' },
  published: { label: 'Published', color: 'green', explain: 'On the platform.' },
  failed: {
    label: 'Failed',
    color: 'red',
    explain: 'The platform refused it, or every attempt failed. Retry or cancel it.',
  },
  held: {
    label: 'Held',
    color: 'orange',
    explain:
      'Stopped by a pause, a blackout, the channel or a failed check. Release or reschedule it.',
  },
  cancelled: { label: 'Cancelled', color: 'gray', explain: 'Will not be published.' },
  unconfirmed: {
    label: 'Checking',
    color: 'yellow',
    explain:
      'The last attempt’s outcome is unknown; Signpost is checking the platform before trying again.',
  },
};

export function PostStatusBadge({ status }: { status: PostStatus }) {
  const display = POST_STATUS_DISPLAY[status];
  return (
    <Tooltip label={display.explain} withArrow multiline w={260}>
      <Badge color={display.color} variant="light" data-status={status}>
        {display.label}
      </Badge>
    </Tooltip>
  );
}
