'use client';

// Blackout windows, set ahead: periods an organisation must not publish (a pre-election period,
// a major incident). Times are UK wall-clock times; posts falling in a window are held, and
// scheduling into one is refused with its reason.
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createBlackoutAction, removeBlackoutAction } from '@/app/(app)/schedule/actions';
import { formatDateTime } from '@/components/format';
import { type UkTime, UkTimeField, ukTimeProblem } from '@/components/schedule/uk-time-field';
import { resolveLocalTime, UK_TIME_ZONE } from '@/lib/scheduling/london-time';

export interface BlackoutRow {
  id: string;
  organisation: { slug: string; name: string };
  reason: string;
  startsAt: string;
  endsAt: string;
  mayRemove: boolean;
}

/** The instant as ISO, or null while the time is incomplete, does not exist, or is unanswered. */
function instant(value: UkTime): string | null {
  if (!value.date || ukTimeProblem(value).kind !== 'ok') return null;
  const resolved = resolveLocalTime(
    { date: value.date, time: value.time },
    UK_TIME_ZONE,
    value.choice,
  );
  return resolved.kind === 'ok' ? resolved.instant.toISOString() : null;
}

/** A period offered ready-made (the next local elections' pre-election period). */
export interface BlackoutPreset {
  label: string;
  reason: string;
  fromDay: string;
  untilDay: string;
}

export function Blackouts({
  blackouts,
  organisations,
  preset,
}: {
  blackouts: BlackoutRow[];
  organisations: { slug: string; name: string }[];
  preset?: BlackoutPreset;
}) {
  const router = useRouter();
  const [organisation, setOrganisation] = useState<string | null>(
    organisations.length === 1 ? (organisations[0]?.slug ?? null) : null,
  );
  const [reason, setReason] = useState('');
  const [start, setStart] = useState<UkTime>({ date: null, time: '00:00' });
  const [end, setEnd] = useState<UkTime>({ date: null, time: '23:59' });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const startsAt = instant(start);
  const endsAt = instant(end);
  const ready =
    organisation !== null && reason.trim().length >= 3 && startsAt !== null && endsAt !== null;

  const add = () =>
    startTransition(async () => {
      setError(null);
      const result = await createBlackoutAction({ organisation, reason, startsAt, endsAt });
      if (!result.ok) return setError(result.error);
      notifications.show({ color: 'green', message: result.message });
      setReason('');
      router.refresh();
    });
  const remove = (id: string) =>
    startTransition(async () => {
      const result = await removeBlackoutAction(id);
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: 'red', message: result.error },
      );
      router.refresh();
    });

  return (
    <Stack gap="md">
      {blackouts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No blackout is set.
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisation</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Until</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {blackouts.map((blackout) => (
              <Table.Tr key={blackout.id}>
                <Table.Td>{blackout.organisation.name}</Table.Td>
                <Table.Td>{formatDateTime(blackout.startsAt)}</Table.Td>
                <Table.Td>{formatDateTime(blackout.endsAt)}</Table.Td>
                <Table.Td>{blackout.reason}</Table.Td>
                <Table.Td>
                  {blackout.mayRemove && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={pending}
                      onClick={() => remove(blackout.id)}
                    >
                      Remove
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={600} size="sm">
          Set a blackout
        </Text>
        {preset && (
          <Group>
            <Button
              variant="light"
              // The label names the dates, so it wraps rather than push a phone's page sideways.
              h="auto"
              py={6}
              maw="100%"
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              onClick={() => {
                setReason(preset.reason);
                setStart({ date: preset.fromDay, time: '00:00' });
                setEnd({ date: preset.untilDay, time: '00:00' });
              }}
            >
              {preset.label}
            </Button>
          </Group>
        )}
        <Group grow align="flex-start">
          <Select
            label="Organisation"
            data={organisations.map((o) => ({ value: o.slug, label: o.name }))}
            value={organisation}
            onChange={setOrganisation}
            placeholder="Choose"
            searchable
          />
          <TextInput
            label="Why"
            placeholder="Pre-election period"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
          />
        </Group>
        <Group grow align="flex-start">
          <UkTimeField label="From" value={start} onChange={setStart} />
          <UkTimeField label="Until" value={end} onChange={setEnd} />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconCalendarOff size={16} />}
            onClick={add}
            loading={pending}
            disabled={!ready}
          >
            Set blackout
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
