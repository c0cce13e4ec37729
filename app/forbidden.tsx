import { Center, Stack, Text, Title } from '@mantine/core';
import { LinkButton } from '@/components/link-button';

export default function Forbidden() {
  return (
    <Center component="main" id="main" mih="60vh">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Text c="dimmed" fw={600}>
          403
        </Text>
        <Title order={1} size="h2">
          You don’t have access to this page
        </Title>
        <Text c="dimmed">
          Your role does not include it. If you need it for your work, ask a campaign lead or an
          administrator.
        </Text>
        <LinkButton href="/" variant="light">
          Back to the dashboard
        </LinkButton>
      </Stack>
    </Center>
  );
}
