'use client';

// The campaign's details, for starting one and for changing one. Dates are whole UK days; the
// server's field errors land beside the field they name.
import { Alert, Button, Group, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState, useTransition } from 'react';
import { campaignDays, campaignPeriod } from '@/lib/campaigns/campaign-period';
import { THEMES, type CampaignView, type Theme } from '@/lib/campaigns/campaign-schemas';
import { THEME_DISPLAY } from './theme-badge';

export interface CampaignFormValues {
  name: string;
  description: string;
  firstDay: string | null;
  lastDay: string | null;
  themes: Theme[];
}

export type CampaignPayload = {
  name: string;
  description: string;
  startsAt?: string;
  endsAt?: string;
  themes: Theme[];
};

type Outcome = { ok: true } | { ok: false; error: string; fields?: Record<string, string> };

const THEME_OPTIONS = THEMES.map((theme) => ({ value: theme, label: THEME_DISPLAY[theme].label }));

function ThemeOption({ theme }: { theme: Theme }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{THEME_DISPLAY[theme].label}</Text>
      <Text size="xs" c="dimmed">
        {THEME_DISPLAY[theme].explain}
      </Text>
    </Stack>
  );
}

// The schema names the stored instants; people chose days.
const FIELD_OF: Record<string, keyof CampaignFormValues> = {
  startsAt: 'firstDay',
  endsAt: 'lastDay',
};
const inWords = (text: string) =>
  text.replace(/\bstartsAt\b/g, 'the first day').replace(/\bendsAt\b/g, 'the last day');

export function initialCampaignValues(campaign?: CampaignView): CampaignFormValues {
  if (!campaign)
    return { name: '', description: '', firstDay: null, lastDay: null, themes: [...THEMES] };
  const days = campaignDays(campaign);
  return {
    name: campaign.name,
    description: campaign.description,
    firstDay: days.firstDay,
    lastDay: days.lastDay,
    themes: campaign.themes,
  };
}

export function CampaignForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: CampaignFormValues;
  submitLabel: string;
  onSubmit: (payload: CampaignPayload) => Promise<Outcome>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<CampaignFormValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() === '' ? 'Give the campaign a name.' : null),
      firstDay: (value) => (value ? null : 'Choose the first day of the campaign.'),
      lastDay: (value, values) =>
        !value
          ? 'Choose the last day of the campaign.'
          : values.firstDay && value < values.firstDay
            ? 'The last day must be on or after the first day.'
            : null,
      themes: (value) => (value.length === 0 ? 'Choose at least one theme.' : null),
    },
  });

  const submit = form.onSubmit((values) =>
    startTransition(async () => {
      setError(null);
      const period =
        values.firstDay && values.lastDay
          ? campaignPeriod({ firstDay: values.firstDay, lastDay: values.lastDay })
          : null;
      const outcome = await onSubmit({
        name: values.name,
        description: values.description,
        themes: values.themes,
        ...(period ?? {}),
      });
      if (outcome.ok) return;
      setError(outcome.error);
      const fields: Record<string, string> = {};
      for (const [path, text] of Object.entries(outcome.fields ?? {})) {
        fields[FIELD_OF[path] ?? path] = inWords(text);
      }
      form.setErrors(fields);
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required maxLength={120} {...form.getInputProps('name')} />
        <Textarea
          label="Description"
          description="What the campaign is for, in a sentence or two. Shown to everyone who writes or schedules its messages."
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <Group grow align="flex-start">
          <DatePickerInput
            label="First day"
            required
            valueFormat="D MMM YYYY"
            placeholder="Choose a day"
            {...form.getInputProps('firstDay')}
          />
          <DatePickerInput
            label="Last day"
            required
            valueFormat="D MMM YYYY"
            placeholder="Choose a day"
            minDate={form.values.firstDay ?? undefined}
            {...form.getInputProps('lastDay')}
          />
        </Group>
        <MultiSelect
          label="Themes"
          description="The campaign's aims its messages may take. A theme its messages already use cannot be removed."
          required
          data={THEME_OPTIONS}
          renderOption={({ option }) => <ThemeOption theme={option.value as Theme} />}
          {...form.getInputProps('themes')}
        />
        {error && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {inWords(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
