'use client';

// "Ready to schedule": each waiting message with its channels, a button per suggested time that
// schedules it there in one click (the schedule dialog's own action, so every check is the same),
// and the dialog itself for any other time. What the server decided (waiting, render problems,
// warnings, slots) is shown as it came; nothing is re-judged here.
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { scheduleMessageAction } from '@/app/(app)/schedule/actions';
import { ThemeBadge } from '@/components/campaigns/theme-badge';
import { ShareableBadge } from '@/components/messages/shareable-badge';
import { PlatformBadge, platformLabel } from '@/components/platform-badge';
import { readySchedulingOptions } from '@/lib/posts/ready-options';
import type { ReadyList, ReadyMessage } from '@/lib/posts/ready-view';
import { ScheduleMessageDialog } from './schedule-message-dialog';
import { type Refusal, refusalFrom, ScheduleRefusal } from './schedule-outcome';

type ReadyChannel = ReadyMessage['channels'][number];
type Slot = ReadyChannel['slots'][number];

const approvedFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function ReadyMessages({ organisation, items }: Pick<ReadyList, 'organisation' | 'items'>) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, Refusal>>({});
  const [sending, setSending] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const status = useRef<HTMLDivElement>(null);

  const scheduleAt = (message: ReadyMessage, channel: ReadyChannel, slot: Slot) => {
    const key = `${message.id}@${channel.id}@${slot.scheduledAt}`;
    setSending(key);
    setDone(null);
    setRefusals(({ [message.id]: _gone, ...others }) => others);
    startTransition(async () => {
      try {
        const result = await scheduleMessageAction(message.id, {
          targets: [{ channelId: channel.id, scheduledAt: slot.scheduledAt }],
        });
        if (!result.ok) {
          setRefusals((current) => ({ ...current, [message.id]: refusalFrom(result) }));
          return;
        }
        setDone(
          `Scheduled “${message.title}” on ${platformLabel(channel.platform)} (${channel.handle}) for ${slot.label}.`,
        );
        // The button pressed is about to go: keep keyboard and screen-reader users where the
        // answer is.
        status.current?.focus();
        router.refresh();
      } catch (error) {
        // The request failed in transit or on the server: we cannot know whether it was written.
        console.error('scheduleMessageAction failed', error);
        setRefusals((current) => ({
          ...current,
          [message.id]: {
            message: 'The schedule could not be sent.',
            problems: [],
            answered: false,
          },
        }));
      } finally {
        setSending(null);
      }
    });
  };

  return (
    <Stack gap="md">
      <div ref={status} tabIndex={-1} aria-live="polite" style={{ outline: 'none' }}>
        {done && (
          <Alert color="green" icon={<IconCircleCheck size={18} />} title="Scheduled">
            <Text size="sm">
              {done}{' '}
              <Anchor component={Link} href="/schedule" size="sm">
                See it on the Schedule
              </Anchor>
            </Text>
          </Alert>
        )}
      </div>
      {items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="ready-empty">
          <Text fw={600}>
            Nothing waiting: every approved message is scheduled on your channels.
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            New messages appear here as soon as a campaign lead approves them.
          </Text>
        </Paper>
      ) : (
        items.map((message) => (
          <Paper
            key={message.id}
            withBorder
            p="md"
            component="article"
            aria-labelledby={`ready-${message.id}`}
            data-testid="ready-message"
          >
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="sm">
              <Stack gap={6}>
                <Title order={2} size="h4" id={`ready-${message.id}`}>
                  <Anchor component={Link} href={`/messages/${message.id}`} inherit>
                    {message.title}
                  </Anchor>
                </Title>
                <Group gap="xs">
                  <ThemeBadge theme={message.theme} />
                  <ShareableBadge shareable={message.shareable} />
                  <Text size="sm" c="dimmed">
                    {message.campaign.name} · approved{' '}
                    {approvedFormat.format(new Date(message.approvedAt))}
                  </Text>
                </Group>
              </Stack>
              <ScheduleMessageDialog
                messageId={message.id}
                messageTitle={message.title}
                label="Another time…"
                ariaLabel={`Another time… for “${message.title}”`}
                {...readySchedulingOptions(organisation, message)}
              />
            </Group>
            <Stack gap={0}>
              {message.channels.map((channel) => (
                <ChannelRow
                  key={channel.id}
                  channel={channel}
                  sending={sending}
                  keyOf={(slot) => `${message.id}@${channel.id}@${slot.scheduledAt}`}
                  onSchedule={(slot) => scheduleAt(message, channel, slot)}
                />
              ))}
            </Stack>
            {refusals[message.id] && (
              <div style={{ marginTop: 12 }}>
                <ScheduleRefusal refusal={refusals[message.id]!} />
              </div>
            )}
          </Paper>
        ))
      )}
    </Stack>
  );
}

function ChannelRow({
  channel,
  sending,
  keyOf,
  onSchedule,
}: {
  channel: ReadyChannel;
  sending: string | null;
  keyOf: (slot: Slot) => string;
  onSchedule: (slot: Slot) => void;
}) {
  const where = `${platformLabel(channel.platform)} (${channel.handle})`;
  return (
    <Group
      align="flex-start"
      wrap="wrap"
      gap="md"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="ready-channel"
    >
      <Group gap="xs" w={230} wrap="nowrap" mih={30}>
        <PlatformBadge platform={channel.platform} />
        <Text size="sm" fw={500} truncate>
          {channel.handle}
        </Text>
      </Group>
      <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
        {!channel.waiting ? (
          // Its warning says when: "Already on the schedule here for …".
          channel.warnings.length === 0 && (
            <Text size="sm" c="dimmed">
              On the schedule here.
            </Text>
          )
        ) : !channel.valid ? (
          <Text size="sm" c="red.8">
            Cannot go here: {channel.problems[0]?.message ?? 'it does not fit this platform.'}
          </Text>
        ) : channel.slots.length === 0 ? (
          <Text size="sm" c="dimmed">
            No free time at your usual hours in the next two weeks: a pause, a blackout or other
            posts are in the way. Choose another time.
          </Text>
        ) : (
          <Group gap="xs" align="center">
            <Text size="sm">Schedule for</Text>
            {channel.slots.map((slot) => (
              <Button
                key={slot.scheduledAt}
                size="xs"
                variant="light"
                onClick={() => onSchedule(slot)}
                loading={sending === keyOf(slot)}
                disabled={sending !== null && sending !== keyOf(slot)}
                aria-label={`Schedule for ${slot.label} on ${where}`}
                data-testid="ready-slot"
              >
                {slot.label}
              </Button>
            ))}
            <Text size="xs" c="dimmed">
              {slotReasons(channel.slots)}
            </Text>
          </Group>
        )}
        {channel.warnings.map((warning) => (
          <Group key={warning} gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle
              size={16}
              color="var(--mantine-color-orange-8)"
              aria-hidden
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Text size="sm" c="orange.9">
              {warning}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

/** "your usual times", or the one reason they share: said once, not under every button. */
function slotReasons(slots: readonly Slot[]): string {
  const reasons = [...new Set(slots.map((slot) => slot.reason))];
  if (reasons.length > 1 && reasons.every((reason) => reason.startsWith('your usual ')))
    return 'your usual times';
  return reasons.join(' · ');
}
