import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconHourglassEmpty } from '@tabler/icons-react';

/** A clearly labelled placeholder for a part a later piece of work fills in. */
export function NotYet({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }} data-testid="placeholder">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon variant="light" color="gray" size="lg" radius="xl">
          <IconHourglassEmpty size={18} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" maw={520}>
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}
