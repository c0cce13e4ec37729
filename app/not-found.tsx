import { Center, Stack, Text, Title } from '@mantine/core';
import { LinkButton } from '@/components/link-button';

export default function NotFound() {
  return (
    <Center component="main" id="main" mih="60vh">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text c="dimmed" fw={600}>
          404
        </Text>
        <Title order={1} size="h2">
          This page does not exist
        </Title>
        <Text c="dimmed">It may have moved, or you may not have access to what it showed.</Text>
        <LinkButton href="/" variant="light">
          Back to the dashboard
        </LinkButton>
      </Stack>
    </Center>
  );
}
