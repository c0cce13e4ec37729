'use client';

// The platforms of a fan-out: only those some ticked organisation has a channel on, all on until
// switched off.
import { Chip, Fieldset, Group, Text } from '@mantine/core';
import { platformLabel } from '@/components/platform-badge';
import type { Platform } from '@/lib/platforms/types';
import { SECTION_STYLES } from './section-styles';

interface Props {
  offered: Platform[];
  excluded: Platform[];
  onChange: (excluded: Platform[]) => void;
}

export function PlatformChips({ offered, excluded, onChange }: Props) {
  const choose = (on: string[]) =>
    onChange([
      // A platform not on offer now keeps its state for when an organisation brings it back.
      ...excluded.filter((platform) => !offered.includes(platform)),
      ...offered.filter((platform) => !on.includes(platform)),
    ]);
  return (
    <Fieldset legend="Platforms" variant="unstyled" styles={SECTION_STYLES}>
      {offered.length === 0 ? (
        <Text size="sm" c="dimmed">
          Choose an organisation to see its platforms.
        </Text>
      ) : (
        <Chip.Group
          multiple
          value={offered.filter((platform) => !excluded.includes(platform))}
          onChange={choose}
        >
          <Group gap="xs">
            {offered.map((platform) => (
              <Chip key={platform} value={platform} size="sm">
                {platformLabel(platform)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
    </Fieldset>
  );
}
