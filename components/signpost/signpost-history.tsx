import {
  Badge,
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
import { changedFields } from '@/lib/audit/audit-changes';
import { platformRules } from '@/lib/platforms/rules';
import { Platform } from '@/lib/platforms/types';
import type { SignpostHistoryEntry } from '@/lib/signpost/signpost-history';

const FIELD_WORDS: Record<string, string> = {
  helplineName: 'helpline name',
  phone: 'phone',
  url: 'website',
};

/** "wording.x.short" → "X short wording". */
function fieldInWords(field: string): string {
  const [head, platform, form] = field.split('.');
  if (head === 'wording' && platform && form) {
    const parsed = Platform.safeParse(platform);
    const label = parsed.success ? platformRules[parsed.data].label : platform;
    return `${label} ${form} wording`;
  }
  return FIELD_WORDS[field] ?? field;
}

const content = (entry: SignpostHistoryEntry) => ({
  helplineName: entry.helplineName,
  phone: entry.phone,
  url: entry.url,
  wording: entry.wording,
});

/** Every version, newest first: who made it, when, why, and what it changed. */
export function SignpostHistory({ entries }: { entries: SignpostHistoryEntry[] }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="signpost-history">
      <Title order={2} size="h4" mb="sm" id="signpost-history">
        Version history
      </Title>
      <TableScrollContainer minWidth={640}>
        <Table verticalSpacing="sm">
          <TableThead>
            <TableTr>
              <TableTh w={120}>Version</TableTh>
              <TableTh w={220}>When and who</TableTh>
              <TableTh>What changed</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {entries.map((entry, index) => {
              const previous = entries[index + 1];
              const changes = previous ? changedFields(content(previous), content(entry)) : [];
              return (
                <TableTr key={entry.version} data-testid="signpost-version">
                  <TableTd>
                    <Badge variant={index === 0 ? 'filled' : 'light'} tt="none">
                      Version {entry.version}
                    </Badge>
                    {index === 0 && (
                      <Text size="xs" c="dimmed" mt={2}>
                        Current
                      </Text>
                    )}
                  </TableTd>
                  <TableTd>
                    <Text size="sm">{formatDateTime(entry.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.createdBy?.name ?? 'Set up with Signpost'}
                    </Text>
                  </TableTd>
                  <TableTd>
                    <Stack gap={2}>
                      {entry.note && <Text size="sm">“{entry.note}”</Text>}
                      <Text size="xs" c="dimmed">
                        {!previous
                          ? 'The first version.'
                          : changes.length === 0
                            ? 'Saved with no change to the wording.'
                            : `Changed: ${changes.map((change) => fieldInWords(change.field)).join(', ')}.`}
                      </Text>
                    </Stack>
                  </TableTd>
                </TableTr>
              );
            })}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      {entries.length >= 50 && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing the latest 50 versions; the audit log holds every one.
        </Text>
      )}
    </Paper>
  );
}
