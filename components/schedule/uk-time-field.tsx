'use client';

// A UK date and time, with the clocks-change days handled as people need: a time that does not
// exist (clocks go forward) is refused in words; one that happens twice (clocks go back) asks
// which is meant. The same pure rules the server applies run here, so the answer is immediate.
import { Alert, Group, Radio, Stack } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { resolveLocalTime, UK_TIME_ZONE, type AmbiguousChoice } from '@/lib/scheduling/london-time';

export interface UkTime {
  date: string | null;
  time: string;
  choice?: AmbiguousChoice;
}

export function ukTimeProblem(value: UkTime): {
  kind: 'ok' | 'nonexistent' | 'ambiguous' | 'invalid';
  message?: string;
} {
  if (!value.date || !/^\d{2}:\d{2}$/.test(value.time))
    return { kind: 'invalid', message: 'Choose a date and a time.' };
  const resolved = resolveLocalTime(
    { date: value.date, time: value.time },
    UK_TIME_ZONE,
    value.choice,
  );
  if (resolved.kind === 'ok') return { kind: 'ok' };
  return { kind: resolved.kind, message: resolved.message };
}

export function UkTimeField({
  value,
  onChange,
  label,
}: {
  value: UkTime;
  onChange: (value: UkTime) => void;
  label: string;
}) {
  const problem = ukTimeProblem({ ...value, choice: undefined });
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <DateInput
          label={`${label}: date`}
          value={value.date}
          onChange={(date) => onChange({ ...value, date, choice: undefined })}
          valueFormat="ddd D MMM YYYY"
          minDate={new Date()}
          placeholder="Choose a day"
        />
        <TimeInput
          label="Time (UK)"
          value={value.time}
          onChange={(event) =>
            onChange({ ...value, time: event.currentTarget.value, choice: undefined })
          }
        />
      </Group>
      {problem.kind === 'nonexistent' && (
        <Alert color="red" variant="light" role="alert">
          {problem.message}
        </Alert>
      )}
      {problem.kind === 'ambiguous' && (
        <Alert color="yellow" variant="light" title="This time happens twice">
          <Stack gap="xs">
            <span>{problem.message}</span>
            <Radio.Group
              value={value.choice ?? ''}
              onChange={(choice) => onChange({ ...value, choice: choice as AmbiguousChoice })}
            >
              <Group>
                <Radio value="earlier" label={`${value.time} BST (the first)`} />
                <Radio value="later" label={`${value.time} GMT (the second)`} />
              </Group>
            </Radio.Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
