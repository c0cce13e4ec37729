import { Group, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClock,
  IconHelpCircle,
  IconLoader2,
  IconPlayerPause,
  IconX,
} from '@tabler/icons-react';

const STATUSES = [
  { icon: IconClock, label: 'Scheduled' },
  { icon: IconLoader2, label: 'Publishing' },
  { icon: IconCircleCheck, label: 'Published' },
  { icon: IconPlayerPause, label: 'Held' },
  { icon: IconAlertTriangle, label: 'Failed' },
  { icon: IconHelpCircle, label: 'Checking' },
  { icon: IconX, label: 'Cancelled' },
];

/** What the calendar's icons and shading mean, in words. */
export function CalendarLegend() {
  return (
    <Group gap="lg" wrap="wrap" aria-label="Key" role="group" data-testid="calendar-legend">
      <Group gap="sm" wrap="wrap">
        {STATUSES.map(({ icon: Icon, label }) => (
          <Group key={label} gap={4} wrap="nowrap">
            <Icon size={14} aria-hidden />
            <Text size="xs">{label}</Text>
          </Group>
        ))}
      </Group>
      <Group gap="sm" wrap="wrap">
        {[
          ['sp-bg-blackout', 'Blackout'],
          ['sp-bg-pause', 'Pause'],
          ['sp-bg-campaign', 'Campaign dates (choose a campaign)'],
        ].map(([className, label]) => (
          <Group key={label} gap={4} wrap="nowrap">
            <span
              className={className}
              aria-hidden
              style={{
                display: 'inline-block',
                width: 18,
                height: 12,
                border: '1px solid var(--mantine-color-gray-5)',
              }}
            />
            <Text size="xs">{label}</Text>
          </Group>
        ))}
      </Group>
    </Group>
  );
}
