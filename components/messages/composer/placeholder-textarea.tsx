'use client';

// A message's text, with buttons that put {organisation} or {area} where the cursor is. Each
// organisation's posts get its own name and area in their place.
//
// The text box keeps its own value (uncontrolled) and is memoised: as people type, React re-renders
// only the count below it, not Mantine's Textarea and its wrapper (issue 3: every keystroke's
// preview within 5 ms). A value changed from outside, which typing never does, is written back to it.
import { Button, Text, Textarea } from '@mantine/core';
import {
  type ChangeEvent,
  type CSSProperties,
  memo,
  type ReactNode,
  type RefObject,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { PLACEHOLDERS, type PlaceholderName } from '@/lib/signpost/placeholders';
import classes from './placeholder-textarea.module.css';
import { useSteadyCallback } from './use-steady-callback';

const MAX_ROWS = 18;

const PLACEHOLDER_WORDS: Record<PlaceholderName, string> = {
  organisation: 'the publishing organisation’s name',
  area: 'the area it serves',
};

const count = new Intl.NumberFormat('en-GB');

// Memoised with a steady callback: the buttons do not re-render as the author types.
const InsertButtons = memo(function InsertButtons({
  label,
  onInsert,
}: {
  label: string;
  onInsert: (name: PlaceholderName) => void;
}) {
  return (
    <div className={classes.insert}>
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
    </div>
  );
});

interface TextBoxProps {
  id: string;
  label: string;
  description?: ReactNode;
  initialValue: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  error?: string;
  required?: boolean;
  minRows: number;
  maxLength: number;
  testId?: string;
  /** The language of what is typed, when not the page's (WCAG 3.1.2): "cy" for Welsh. */
  lang?: string;
  field: RefObject<HTMLTextAreaElement | null>;
}

const TextBox = memo(function TextBox({
  id,
  label,
  description,
  initialValue,
  onChange,
  error,
  required,
  minRows,
  maxLength,
  testId,
  lang,
  field,
}: TextBoxProps) {
  return (
    <Textarea
      ref={field}
      id={id}
      label={label}
      description={description}
      required={required}
      defaultValue={initialValue}
      onChange={onChange}
      error={error}
      rows={minRows}
      classNames={{ input: classes.input }}
      style={{ '--rows-min': minRows, '--rows-max': MAX_ROWS } as CSSProperties}
      maxLength={maxLength}
      data-testid={testId}
      lang={lang}
    />
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
  lang?: string;
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
  lang,
}: PlaceholderTextareaProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [initialValue] = useState(value);

  useLayoutEffect(() => {
    const node = field.current;
    if (node && node.value !== value) node.value = value;
  }, [value]);

  const change = useSteadyCallback((event: ChangeEvent<HTMLTextAreaElement>) => {
    onInputStart?.();
    onChange(event.currentTarget.value);
  });

  const insert = useSteadyCallback((name: PlaceholderName) => {
    const node = field.current;
    if (!node) return;
    const token = `{${name}}`;
    node.focus();
    node.setRangeText(token, node.selectionStart, node.selectionEnd, 'end');
    onInputStart?.();
    onChange(node.value);
  });

  return (
    <div className={classes.field}>
      <TextBox
        id={id}
        label={label}
        description={description}
        initialValue={initialValue}
        onChange={change}
        error={error}
        required={required}
        minRows={minRows}
        maxLength={maxLength}
        testId={testId}
        lang={lang}
        field={field}
      />
      <div className={classes.under}>
        <InsertButtons label={label} onInsert={insert} />
        <span className={classes.count} aria-live="off">
          {`${count.format(value.length)} / ${count.format(maxLength)} characters typed`}
        </span>
      </div>
    </div>
  );
}
