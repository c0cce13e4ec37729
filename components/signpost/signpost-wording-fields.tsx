'use client';

// The signpost's wording, platform by platform: the full form, and the short one used when the
// message leaves too little room.
import { Stack, Tabs, TabsList, TabsPanel, TabsTab, Text, Textarea } from '@mantine/core';
import { memo } from 'react';
import { platformRules } from '@/lib/platforms/rules';
import { PLATFORMS, type Platform, type SignpostWording } from '@/lib/platforms/types';

const FORMS = [
  { form: 'full', label: 'Full wording', max: 1000 },
  { form: 'short', label: 'Short wording', max: 500 },
] as const;

export const SignpostWordingFields = memo(function SignpostWordingFields({
  wording,
  errors,
  onChange,
}: {
  wording: Record<Platform, SignpostWording>;
  errors: Record<string, string>;
  onChange: (platform: Platform, form: keyof SignpostWording, text: string) => void;
}) {
  return (
    <Tabs defaultValue="x" variant="outline" keepMounted={false}>
      <TabsList>
        {PLATFORMS.map((platform) => {
          const wrong = FORMS.some(({ form }) => errors[`wording.${platform}.${form}`]);
          return (
            <TabsTab
              key={platform}
              value={platform}
              c={wrong ? 'red' : undefined}
              aria-label={wrong ? `${platformRules[platform].label} (needs changing)` : undefined}
            >
              {platformRules[platform].label}
              {wrong ? ' •' : ''}
            </TabsTab>
          );
        })}
      </TabsList>
      {PLATFORMS.map((platform) => {
        const rules = platformRules[platform];
        return (
          <TabsPanel key={platform} value={platform} pt="sm">
            <Stack gap="sm">
              <Text size="xs" c="dimmed">
                {rules.linksClickable
                  ? `Links can be clicked on ${rules.label}: both forms must contain {url}.`
                  : `Links cannot be clicked in ${rules.label} captions: point people to the link in the bio instead of {url}.`}{' '}
                Use {'{helplineName}'}, {'{phone}'} (required) and {'{url}'}.
              </Text>
              {FORMS.map(({ form, label, max }) => (
                <Textarea
                  key={form}
                  id={`signpost-wording.${platform}.${form}`}
                  label={`${rules.label}: ${label.toLowerCase()}`}
                  description={
                    form === 'short'
                      ? 'Used when the message leaves too little room for the full wording.'
                      : undefined
                  }
                  required
                  autosize
                  minRows={2}
                  maxLength={max}
                  value={wording[platform][form]}
                  onChange={(event) => onChange(platform, form, event.currentTarget.value)}
                  error={errors[`wording.${platform}.${form}`]}
                />
              ))}
            </Stack>
          </TabsPanel>
        );
      })}
    </Tabs>
  );
});
