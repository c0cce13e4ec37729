'use client';

// The message's own fields: title, theme, the text every platform gets, and whether partners may
// use it. Each is memoised on its own value, so a keystroke in the message re-renders only the
// message box (the composer's preview has a few milliseconds per keystroke, not more). The column
// around them is a plain element for the same reason.
import { Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { THEME_DISPLAY } from '@/components/campaigns/theme-badge';
import type { Theme } from '@/lib/campaigns/campaign-schemas';
import { BODY_MAX, TITLE_MAX } from '@/lib/messages/message-schemas';
import classes from './message-fields.module.css';
import { PlaceholderTextarea } from './placeholder-textarea';
import type { DraftFields } from './use-message-draft';

type Set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void;

const TitleField = memo(function TitleField({
  value,
  error,
  set,
}: {
  value: string;
  error?: string;
  set: Set;
}) {
  return (
    <TextInput
      id="field-title"
      label="Title"
      description="For the team only: it names the message in lists and is never published."
      required
      maxLength={TITLE_MAX}
      value={value}
      onChange={(event) => set('title', event.currentTarget.value)}
      error={error}
    />
  );
});

const ThemeField = memo(function ThemeField({
  value,
  themes,
  error,
  set,
}: {
  value: Theme | null;
  themes: readonly Theme[];
  error?: string;
  set: Set;
}) {
  return (
    <Select
      id="field-theme"
      label="Theme"
      description="Which of the campaign’s aims this message serves."
      placeholder="Choose a theme"
      required
      data={themes.map((theme) => ({ value: theme, label: THEME_DISPLAY[theme].label }))}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {THEME_DISPLAY[option.value as Theme].explain}
          </Text>
        </Stack>
      )}
      value={value}
      onChange={(theme) => set('theme', theme as Theme | null)}
      error={error}
    />
  );
});

const ShareableField = memo(function ShareableField({
  checked,
  error,
  set,
}: {
  checked: boolean;
  error?: string;
  set: Set;
}) {
  return (
    <Switch
      id="field-shareable"
      label="Shareable with partners"
      description="Councils and charities in the campaign may publish it once it is approved. Leave it off for messages only the police should publish."
      checked={checked}
      onChange={(event) => set('shareable', event.currentTarget.checked)}
      error={error}
    />
  );
});

export interface MessageFieldsProps {
  fields: DraftFields;
  themes: readonly Theme[];
  errors: Record<string, string>;
  set: Set;
  onInputStart: () => void;
}

export function MessageFields({ fields, themes, errors, set, onInputStart }: MessageFieldsProps) {
  return (
    <div className={classes.fields}>
      <TitleField value={fields.title} error={errors.title} set={set} />
      <ThemeField value={fields.theme} themes={themes} error={errors.theme} set={set} />
      <PlaceholderTextarea
        id="field-body"
        label="Message"
        description="Published on every platform that has no version of its own. The helpline signpost is added for you."
        required
        value={fields.body}
        onChange={(value) => set('body', value)}
        error={errors.body}
        maxLength={BODY_MAX}
        onInputStart={onInputStart}
        testId="message-body"
      />
      <PlaceholderTextarea
        id="field-cy-body"
        label="Welsh text (Cymraeg)"
        description="Needed for organisations that publish in Welsh and English, such as North Wales Police: the same content, published at the same time, Welsh first where both fit in one post. Leave it empty for a message that goes to English-only organisations."
        value={fields.bodyCy}
        onChange={(value) => set('bodyCy', value)}
        error={errors['cy.body']}
        maxLength={BODY_MAX}
        onInputStart={onInputStart}
        testId="message-body-cy"
        lang="cy"
      />
      <ShareableField checked={fields.shareable} error={errors.shareable} set={set} />
    </div>
  );
}
