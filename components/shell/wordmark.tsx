import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconSignRight } from '@tabler/icons-react';

export function Wordmark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={large ? 40 : 30} radius="md" variant="filled">
        <IconSignRight size={large ? 24 : 18} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 28 : 20} lh={1} style={{ letterSpacing: '-0.02em' }}>
        Signpost
      </Text>
    </Group>
  );
}
