'use client';

// "Schedule this message": across organisations (a staggered fan-out) or on specific channels.
// The plan is computed here with the server's own pure fan-out rules, so what the preview shows
// is what scheduleMessage writes; the server still checks everything and answers all or nothing.
import {
  Button,
  Grid,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { scheduleMessageAction } from '@/app/(app)/schedule/actions';
import {
  initialScheduleForm,
  offeredPlatforms,
  prepareSchedule,
  type ScheduleForm,
  type ScheduleMode,
} from '@/lib/posts/schedule-form';
import { schedulePlan } from '@/lib/posts/schedule-plan';
import { MAX_STAGGER_MINUTES } from '@/lib/scheduling/fan-out';
import type { SchedulingOptions } from '@/lib/posts/scheduling-options';
import { ChannelPicker } from './channel-picker';
import { OrganisationPicker } from './organisation-picker';
import { PlatformChips } from './platform-chips';
import { SchedulePlanPreview } from './schedule-plan';
import { announceScheduled, type Refusal, refusalFrom, ScheduleRefusal } from './schedule-outcome';
import { UkTimeField } from './uk-time-field';

export type ScheduleMessageDialogProps = {
  messageId: string;
  messageTitle: string;
  /** The opening button's words, when "Schedule" would not say enough (Ready to schedule). */
  label?: string;
  /** Its accessible name, when several such buttons share a page. */
  ariaLabel?: string;
} & SchedulingOptions;

const MODES: { value: ScheduleMode; label: string }[] = [
  { value: 'organisations', label: 'Across organisations' },
  { value: 'channels', label: 'Specific channels' },
];

/** Renders nothing when the person may schedule this message for no organisation. */
export function ScheduleMessageDialog({
  messageId,
  messageTitle,
  label = 'Schedule',
  ariaLabel,
  ...options
}: ScheduleMessageDialogProps) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState<ScheduleForm>(() => initialScheduleForm(options));
  // Taken when the dialog opens: "already passed" is judged against it, and the server re-checks.
  const [now, setNow] = useState(() => new Date(0));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, startTransition] = useTransition();
  if (options.organisations.length === 0) return null;

  const change = (changes: Partial<ScheduleForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setRefusal(null);
  };
  const open = () => {
    setForm(initialScheduleForm(options));
    setNow(new Date());
    setRefusal(null);
    setOpened(true);
  };

  const fanOut = form.mode === 'organisations';
  // With a single organisation to post for, there is nobody to stagger against.
  const staggered =
    fanOut && new Set(options.channels.map((channel) => channel.organisationId)).size > 1;
  const offered = offeredPlatforms(options, form.organisationSlugs);
  const plan = schedulePlan(options, form);
  const prepared = prepareSchedule(options, form, now);
  const submit = () =>
    startTransition(async () => {
      if (!prepared.ok) return;
      try {
        const result = await scheduleMessageAction(messageId, prepared.body);
        if (!result.ok) return setRefusal(refusalFrom(result));
        announceScheduled(result.value.count);
        setOpened(false);
        router.refresh();
      } catch (error) {
        // The request failed in transit or on the server: we cannot know whether it was written.
        console.error('scheduleMessageAction failed', error);
        setRefusal({ message: 'The schedule could not be sent.', problems: [], answered: false });
      }
    });

  return (
    <>
      <Button leftSection={<IconCalendarPlus size={16} />} onClick={open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        size="lg"
        title="Schedule this message"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {messageTitle}
            {options.messageShareable ? ' · shareable with partners' : ''}
          </Text>
          <SegmentedControl
            fullWidth
            data={MODES}
            value={form.mode}
            onChange={(mode) => change({ mode: mode as ScheduleMode })}
            aria-label="How to schedule"
          />
          {fanOut ? (
            <>
              <OrganisationPicker
                {...options}
                value={form.organisationSlugs}
                onChange={(organisationSlugs) => change({ organisationSlugs })}
              />
              <PlatformChips
                offered={offered}
                excluded={form.excludedPlatforms}
                problems={options.platformProblems}
                onChange={(excludedPlatforms) => change({ excludedPlatforms })}
              />
            </>
          ) : (
            <ChannelPicker
              {...options}
              value={form.channelIds}
              onChange={(channelIds) => change({ channelIds })}
            />
          )}
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={{ base: 12, sm: staggered ? 8 : 12 }}>
              <UkTimeField
                label={fanOut ? 'First posts' : 'Post on'}
                value={form.at}
                onChange={(at) => change({ at })}
              />
            </Grid.Col>
            {staggered && (
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput
                  label="Stagger (minutes)"
                  description="So forces do not all post in the same minute"
                  // Below the box, so it lines up with the date and time beside it.
                  inputWrapperOrder={['label', 'input', 'description']}
                  min={0}
                  max={MAX_STAGGER_MINUTES}
                  step={5}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  value={form.staggerMinutes}
                  onChange={(staggerMinutes) => change({ staggerMinutes })}
                />
              </Grid.Col>
            )}
          </Grid>
          <SchedulePlanPreview plan={plan} />
          {refusal && <ScheduleRefusal refusal={refusal} />}
          {/* Kept in view while the form scrolls: the button says how many posts it will make. */}
          <Group
            justify="space-between"
            align="center"
            wrap="nowrap"
            pos="sticky"
            bottom={0}
            py="sm"
            bg="white"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 1 }}
          >
            <Text size="sm" c="dimmed" aria-live="polite">
              {prepared.ok ? '' : prepared.reason}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button onClick={submit} loading={pending} disabled={!prepared.ok}>
                {plan.posts > 0
                  ? `Schedule ${plan.posts} post${plan.posts === 1 ? '' : 's'}`
                  : 'Schedule'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
