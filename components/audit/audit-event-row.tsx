import {
  Box,
  Group,
  Stack,
  Table,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
} from '@mantine/core';
import { type AuditSubject, describeAction } from '@/lib/audit/audit-actions';
import { changedFields } from '@/lib/audit/audit-changes';
import { LinkAnchor } from '@/components/link-button';
import type { AuditEventView } from '@/lib/audit/list-audit';

const clockTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const fullTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'full',
  timeStyle: 'long',
});

function Value({ text }: { text: string | null }) {
  if (text === null)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={8}>
      {text}
    </Text>
  );
}

/** One event: when, who, what in words, and (opened on demand) each field's before and after. */
export function AuditEventRow({
  event,
  who,
  subject,
}: {
  event: AuditEventView;
  who: string;
  subject: AuditSubject | undefined;
}) {
  const changes = changedFields(event.before, event.after);
  const viaToken = event.actor.label.includes('(api-token:');
  return (
    <Box
      py="sm"
      px="md"
      data-testid="audit-event"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={2}>
          <Text size="sm">
            <Text span fw={600} inherit>
              {who}
            </Text>{' '}
            {describeAction(event.action, subject).map((part, index) =>
              part.href ? (
                <LinkAnchor key={index} href={part.href} inherit underline="always">
                  {part.text}
                </LinkAnchor>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
            {viaToken && (
              <Text span size="xs" c="dimmed">
                {' '}
                (through an API token)
              </Text>
            )}
          </Text>
          {changes.length > 0 && (
            <details>
              <summary
                style={{
                  cursor: 'pointer',
                  fontSize: 'var(--mantine-font-size-xs)',
                  color: 'var(--mantine-color-signpost-7)',
                }}
              >
                {event.before ? `What changed (${changes.length})` : `Details (${changes.length})`}
              </summary>
              <Table mt={6} withTableBorder verticalSpacing={4} fz="xs" layout="fixed" maw={860}>
                <TableThead>
                  <TableTr>
                    <TableTh w={180}>Field</TableTh>
                    {event.before ? <TableTh>Before</TableTh> : null}
                    <TableTh>{event.before ? 'After' : 'Value'}</TableTh>
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {changes.map((change) => (
                    <TableTr key={change.field}>
                      <TableTd title={change.field}>{change.label}</TableTd>
                      {event.before ? (
                        <TableTd>
                          <Value text={change.before} />
                        </TableTd>
                      ) : null}
                      <TableTd>
                        <Value text={change.after} />
                      </TableTd>
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            </details>
          )}
        </Stack>
        <Text
          size="xs"
          c="dimmed"
          component="time"
          dateTime={event.at}
          title={fullTime.format(new Date(event.at))}
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          {clockTime.format(new Date(event.at))}
        </Text>
      </Group>
    </Box>
  );
}
