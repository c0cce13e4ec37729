'use client';

// Per-platform versions: where the body does not suit one platform (too long for X, say), the
// author writes that platform its own text. Closed by default; an open one shows it is in use.
import {
  Accordion,
  AccordionControl,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Group,
  Stack,
  Text,
} from '@mantine/core';
import { memo } from 'react';
import { BODY_MAX } from '@/lib/messages/message-schemas';
import { platformRules } from '@/lib/platforms/rules';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { PlaceholderTextarea } from './placeholder-textarea';

export type Overrides = Partial<Record<Platform, string>>;

export interface PlatformOverridesProps {
  overrides: Overrides;
  onChange: (platform: Platform, text: string | undefined) => void;
  /** Starts the platform's own version as a copy of the message as it is now. */
  onStart: (platform: Platform) => void;
  errors: Record<string, string>;
  onInputStart?: () => void;
}

export const PlatformOverrides = memo(function PlatformOverrides({
  overrides,
  onChange,
  onStart,
  errors,
  onInputStart,
}: PlatformOverridesProps) {
  const withErrors = PLATFORMS.filter((platform) => errors[`overrides.${platform}`]);
  return (
    <Accordion
      variant="separated"
      multiple
      defaultValue={[
        ...PLATFORMS.filter((platform) => overrides[platform] !== undefined),
        ...withErrors,
      ]}
      chevronPosition="left"
    >
      {PLATFORMS.map((platform) => {
        const { label, limit } = platformRules[platform];
        const text = overrides[platform];
        return (
          <AccordionItem key={platform} value={platform}>
            <AccordionControl>
              <Group justify="space-between" wrap="nowrap" pr="xs">
                <Text size="sm">Write a different {label} version</Text>
                {text !== undefined && (
                  <Badge size="sm" variant="light" color="violet" tt="none">
                    In use
                  </Badge>
                )}
              </Group>
            </AccordionControl>
            <AccordionPanel>
              {text === undefined ? (
                <Stack gap="xs" align="flex-start">
                  <Text size="sm" c="dimmed">
                    {label} gets the message above. Write its own version if the message is too long
                    for {label}’s {limit.toLocaleString('en-GB')} characters or needs different
                    words there.
                  </Text>
                  <Button size="xs" variant="light" onClick={() => onStart(platform)}>
                    Start a {label} version from the message
                  </Button>
                </Stack>
              ) : (
                <Stack gap="xs">
                  <PlaceholderTextarea
                    id={`field-overrides.${platform}`}
                    label={`${label} version`}
                    description={`Published on ${label} instead of the message above. The signpost is still added.`}
                    value={text}
                    onChange={(value) => onChange(platform, value)}
                    error={errors[`overrides.${platform}`]}
                    minRows={3}
                    maxLength={BODY_MAX}
                    onInputStart={onInputStart}
                    testId={`override-${platform}`}
                  />
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onChange(platform, undefined)}
                    >
                      Use the main message on {label} instead
                    </Button>
                  </Group>
                </Stack>
              )}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
});
