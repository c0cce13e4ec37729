import {
  Anchor,
  Badge,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import { formatDateTime } from '@/components/format';
import { platformRules } from '@/lib/platforms/rules';
import { PLATFORMS } from '@/lib/platforms/types';
import type { SignpostView } from '@/lib/signpost/signpost-store';

/** The current signpost as everyone may read it: details and each platform's wording. */
export function SignpostSummary({
  signpost,
  withWording,
}: {
  signpost: SignpostView;
  withWording: boolean;
}) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            The current signpost
          </Title>
          <Badge variant="light">Version {signpost.version}</Badge>
        </Group>
        <Text fw={600}>{signpost.helplineName}</Text>
        <Text size="sm">
          Phone: <Code>{signpost.phone}</Code> · Website:{' '}
          <Anchor href={signpost.url}>{signpost.url}</Anchor>
        </Text>
        <Text size="xs" c="dimmed">
          Set {formatDateTime(signpost.createdAt)}
          {signpost.note ? ` — “${signpost.note}”` : ''}.
        </Text>
        {withWording && (
          <TableScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" fz="sm">
              <TableThead>
                <TableTr>
                  <TableTh w={110}>Platform</TableTh>
                  <TableTh>Full wording</TableTh>
                  <TableTh>Short wording</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {PLATFORMS.map((platform) => (
                  <TableTr key={platform}>
                    <TableTd fw={600}>{platformRules[platform].label}</TableTd>
                    <TableTd>{signpost.wording[platform].full}</TableTd>
                    <TableTd>{signpost.wording[platform].short}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
