'use client';

// The platforms of a fan-out: only those some ticked organisation has a channel on, all on until
// switched off, except those the message cannot go on (lib says which, and why).
import { Chip, Fieldset, Group, List, Text } from '@mantine/core';
import type { PlatformProblems } from '@/lib/posts/platform-fit';
import { platformLabel } from '@/components/platform-badge';
import type { Platform } from '@/lib/platforms/types';
import { SECTION_STYLES } from './section-styles';

interface Props {
  offered: Platform[];
  excluded: Platform[];
  problems: PlatformProblems;
  onChange: (excluded: Platform[]) => void;
}

export function PlatformChips({ offered, excluded, problems, onChange }: Props) {
  const cannot = offered.filter((platform) => problems[platform]);
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
      {cannot.length > 0 && (
        <List size="sm" mt="xs" spacing={2} aria-label="Platforms this message cannot go on">
          {cannot.map((platform) => (
            <List.Item key={platform}>{problems[platform]}</List.Item>
          ))}
        </List>
      )}
    </Fieldset>
  );
}
