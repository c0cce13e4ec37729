import { Group, List, ListItem, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { MessageFinding } from '@/lib/messages/message-schemas';

function affected(finding: MessageFinding, names: Record<string, string>, total: number): string {
  const count = finding.organisations.length;
  if (count === 0) return '';
  if (count === total) return 'For every organisation.';
  const listed = finding.organisations.map((slug) => names[slug] ?? slug);
  return count <= 3
    ? `For ${listed.join(', ')}.`
    : `For ${listed.slice(0, 2).join(', ')} and ${count - 2} more.`;
}

function Finding({
  finding,
  kind,
  names,
  total,
}: {
  finding: MessageFinding;
  kind: 'problem' | 'warning';
  names: Record<string, string>;
  total: number;
}) {
  return (
    <ListItem
      icon={
        <ThemeIcon size="sm" variant="transparent" color={kind === 'problem' ? 'red' : 'orange'}>
          {kind === 'problem' ? (
            <IconAlertTriangle size={16} aria-hidden />
          ) : (
            <IconInfoCircle size={16} aria-hidden />
          )}
        </ThemeIcon>
      }
    >
      <Text size="sm" data-platform={finding.platform ?? undefined}>
        {finding.message}{' '}
        <Text span size="xs" c="dimmed">
          {affected(finding, names, total)}
        </Text>
      </Text>
    </ListItem>
  );
}

/**
 * The submit-and-approve check run now, without changing anything: what would stop approval
 * (problems) and what a reviewer should know (warnings), across every platform and organisation.
 */
export function MessageChecks({
  problems,
  warnings,
  organisationNames,
  compact = false,
}: {
  problems: MessageFinding[];
  warnings: MessageFinding[];
  organisationNames: Record<string, string>;
  compact?: boolean;
}) {
  const total = Object.keys(organisationNames).length;
  const body =
    problems.length === 0 && warnings.length === 0 ? (
      <Group gap={6}>
        <ThemeIcon size="sm" variant="transparent" color="green">
          <IconCircleCheck size={16} aria-hidden />
        </ThemeIcon>
        <Text size="sm">
          Fits every platform for every organisation, with the current signpost.
        </Text>
      </Group>
    ) : (
      <List spacing={6} data-testid="message-checks">
        {problems.map((finding) => (
          <Finding
            key={`p:${finding.field}:${finding.platform}:${finding.code}`}
            finding={finding}
            kind="problem"
            names={organisationNames}
            total={total}
          />
        ))}
        {warnings.map((finding) => (
          <Finding
            key={`w:${finding.field}:${finding.platform}:${finding.code}`}
            finding={finding}
            kind="warning"
            names={organisationNames}
            total={total}
          />
        ))}
      </List>
    );
  if (compact) return body;
  return (
    <Paper withBorder p="lg">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Checks
        </Title>
        <Text size="xs" c="dimmed">
          {problems.length > 0
            ? 'It cannot be approved until the problems are fixed.'
            : 'Rendered now for all eight platforms and every organisation. Warnings do not stop approval.'}
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
