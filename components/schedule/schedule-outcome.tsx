'use client';

// What came back from scheduling. Success: a notification linking to the Schedule. Refusal: the
// server's own words, and what they mean — a refusal writes nothing (scheduleMessage is all or
// nothing), while a request that never came back might have been written.
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import Link from 'next/link';
import { useEffect, useRef } from 'react';

export interface Refusal {
  message: string;
  /** One per channel or post at fault, when the server named more than one. */
  problems: string[];
  /** False when no answer came back, so whether anything was written is unknown. */
  answered: boolean;
}

export function announceScheduled(count: number) {
  notifications.show({
    color: 'green',
    title: `Scheduled ${count} post${count === 1 ? '' : 's'}`,
    message: (
      <Anchor component={Link} href="/schedule" size="sm">
        {count === 1 ? 'See it on the Schedule' : 'See them on the Schedule'}
      </Anchor>
    ),
  });
}

/** The server's refusal; its per-channel problems as a list when it names more than one. */
export function refusalFrom(result: { error: string; fields?: Record<string, string> }): Refusal {
  return {
    // The alert's title already says it.
    message: result.error.replace(/^Nothing was scheduled\.\s*/, ''),
    problems: [...new Set(Object.values(result.fields ?? {}))],
    answered: true,
  };
}

export function ScheduleRefusal({ refusal }: { refusal: Refusal }) {
  const ref = useRef<HTMLDivElement>(null);
  // The button that sent it sits in a sticky footer, often far below the form's top: bring the
  // answer into view rather than leave it off-screen.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  return (
    <Alert
      ref={ref}
      // Clear of the sticky footer when scrolled into view.
      style={{ scrollMarginBottom: 88 }}
      color="red"
      role="alert"
      title={refusal.answered ? 'Nothing was scheduled' : 'The schedule was not confirmed'}
    >
      <Stack gap={6}>
        {refusal.problems.length > 1 ? (
          <List size="sm" spacing={2}>
            {refusal.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{refusal.message}</Text>
        )}
        <Text size="sm">
          {refusal.answered
            ? 'Nothing was written: a schedule goes out whole or not at all. Change the choices above and try again.'
            : 'Check the Schedule before trying again, in case it went through.'}
        </Text>
      </Stack>
    </Alert>
  );
}
