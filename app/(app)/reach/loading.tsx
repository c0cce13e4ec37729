import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';

export default function ReachLoading() {
  return (
    <Stack gap="lg" aria-busy="true">
      <Text size="sm" c="dimmed" role="status">
        Adding up the figures…
      </Text>
      <Skeleton h={96} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {[0, 1, 2, 3].map((tile) => (
          <Skeleton key={tile} h={110} />
        ))}
      </SimpleGrid>
      <Skeleton h={380} />
    </Stack>
  );
}
