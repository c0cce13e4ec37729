'use client';

// A message's text, with buttons that put {organisation} or {area} where the cursor is. Each
// organisation's posts get its own name and area in their place.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { memo, type ReactNode, useRef } from 'react';
import { PLACEHOLDERS, type PlaceholderName } from '@/lib/signpost/placeholders';
import { useSteadyCallback } from './use-steady-callback';

const PLACEHOLDER_WORDS: Record<PlaceholderName, string> = {
  organisation: 'the publishing organisation’s name',
  area: 'the area it serves',
};

// Memoised with a steady callback: the buttons do not re-render as the author types.
const InsertButtons = memo(function InsertButtons({
  label,
  onInsert,
}: {
  label: string;
  onInsert: (name: PlaceholderName) => void;
}) {
  return (
    <Group gap={6}>
      <Text size="xs" c="dimmed">
        Insert:
      </Text>
      {PLACEHOLDERS.map((name) => (
        <Button
          key={name}
          size="compact-xs"
          variant="light"
          onClick={() => onInsert(name)}
          title={`Insert {${name}}: ${PLACEHOLDER_WORDS[name]}`}
          aria-label={`Insert {${name}} into ${label}`}
          ff="monospace"
        >
          {`{${name}}`}
        </Button>
      ))}
    </Group>
  );
});

export interface PlaceholderTextareaProps {
  id: string;
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  minRows?: number;
  maxLength: number;
  /** Called first thing on each input event, before React re-renders (the preview's timing). */
  onInputStart?: () => void;
  testId?: string;
}

export function PlaceholderTextarea({
  id,
  label,
  description,
  value,
  onChange,
  error,
  required,
  minRows = 6,
  maxLength,
  onInputStart,
  testId,
}: PlaceholderTextareaProps) {
  const field = useRef<HTMLTextAreaElement>(null);

  const insert = useSteadyCallback((name: PlaceholderName) => {
    const node = field.current;
    const token = `{${name}}`;
    const start = node?.selectionStart ?? value.length;
    const end = node?.selectionEnd ?? value.length;
    onInputStart?.();
    onChange(value.slice(0, start) + token + value.slice(end));
    // Put the cursor after the inserted placeholder once React has written the new value.
    requestAnimationFrame(() => {
      node?.focus();
      node?.setSelectionRange(start + token.length, start + token.length);
    });
  });

  return (
    <Stack gap={4}>
      <Textarea
        ref={field}
        id={id}
        label={label}
        description={description}
        required={required}
        value={value}
        onChange={(event) => {
          onInputStart?.();
          onChange(event.currentTarget.value);
        }}
        error={error}
        autosize
        minRows={minRows}
        maxRows={18}
        maxLength={maxLength}
        data-testid={testId}
      />
      <Group gap="xs" justify="space-between" wrap="wrap">
        <InsertButtons label={label} onInsert={insert} />
        <Text size="xs" c="dimmed" aria-live="off">
          {value.length.toLocaleString('en-GB')} / {maxLength.toLocaleString('en-GB')} characters
          typed
        </Text>
      </Group>
    </Stack>
  );
}
