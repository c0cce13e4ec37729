import { Paper, Stack, Text } from '@mantine/core';
import { LinkButton } from '@/components/link-button';

/** The empty state of a search: what was looked for, and the way back to everything. */
export function NoMatches({
  what,
  q,
  clearHref,
}: {
  /** "posts", "messages" */
  what: string;
  q: string;
  clearHref: string;
}) {
  return (
    <Paper withBorder p="xl" ta="center" data-testid="no-matches">
      <Stack gap="sm" align="center">
        <Text fw={600}>
          No {what} match “{q}”
        </Text>
        <Text size="sm" c="dimmed">
          Every word has to appear in the title or text. Try fewer or other words.
        </Text>
        <LinkButton href={clearHref} variant="default">
          Clear the search
        </LinkButton>
      </Stack>
    </Paper>
  );
}
