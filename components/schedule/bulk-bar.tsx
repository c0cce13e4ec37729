'use client';

import { Button, Group, Modal, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useState, useTransition } from 'react';
import { bulkPostsAction } from '@/app/(app)/schedule/actions';
import type { BulkPostsRequest } from '@/lib/posts/bulk-posts';
import type { PostAction } from '@/lib/posts/post-actions';
import type { PostView } from '@/lib/posts/post-view';
import type { BulkOutcome } from './bulk-result';

type BulkAction = BulkPostsRequest['action'];

/** Each bulk action, the post action (PostView.actions, decided in lib) that makes a post eligible. */
const ACTIONS: { action: BulkAction; allows: PostAction; button: string; verb: string }[] = [
  { action: 'cancel', allows: 'cancel', button: 'Cancel', verb: 'Cancelled' },
  { action: 'release', allows: 'release', button: 'Release', verb: 'Released' },
  { action: 'retry', allows: 'retry', button: 'Retry', verb: 'Retried' },
  { action: 'move', allows: 'reschedule', button: 'Move by…', verb: 'Moved' },
];

const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The bar under a selection of posts: the actions, each confirmed with how many it touches. */
export function BulkBar({
  selected,
  onClear,
  onDone,
}: {
  selected: PostView[];
  onClear: () => void;
  onDone: (outcome: Omit<BulkOutcome, 'labels'>) => void;
}) {
  const [asking, setAsking] = useState<BulkAction | null>(null);
  const [amount, setAmount] = useState<number | string>(1);
  const [unit, setUnit] = useState<Unit>('days');
  const [direction, setDirection] = useState<'later' | 'earlier'>('later');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const chosen = ACTIONS.find((entry) => entry.action === asking);
  const eligible = (allows: PostAction) => selected.filter((post) => post.actions.includes(allows));
  const targets = chosen ? eligible(chosen.allows) : [];
  const whole = typeof amount === 'number' && Number.isInteger(amount) && amount > 0;

  const run = () =>
    startTransition(async () => {
      if (!chosen) return;
      setError(null);
      const ids = targets.map((post) => post.id);
      const minutes = (direction === 'earlier' ? -1 : 1) * Number(amount) * UNITS[unit];
      const result = await bulkPostsAction(
        chosen.action === 'move'
          ? { action: 'move', ids, minutes }
          : { action: chosen.action, ids },
      );
      if (!result.ok) return setError(result.error);
      setAsking(null);
      onDone({ verb: chosen.verb, results: result.value.results });
    });

  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      role="region"
      aria-label="Selected posts"
      style={{ position: 'sticky', bottom: 'var(--mantine-spacing-sm)', zIndex: 10 }}
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {plural(selected.length, 'post')} selected
        </Text>
        <Group gap="xs">
          {ACTIONS.map(({ action, allows, button }) => {
            const count = eligible(allows).length;
            return (
              <Button
                key={action}
                size="xs"
                variant={action === 'cancel' ? 'light' : 'default'}
                color={action === 'cancel' ? 'red' : undefined}
                disabled={count === 0}
                onClick={() => setAsking(action)}
              >
                {button === 'Move by…' ? button : `${button} (${count})`}
              </Button>
            );
          })}
          <Button size="xs" variant="subtle" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
      <Modal
        opened={chosen !== undefined}
        onClose={() => setAsking(null)}
        title={chosen ? `${chosen.button.replace('…', '')} ${plural(targets.length, 'post')}?` : ''}
      >
        {chosen && (
          <Stack>
            <Text size="sm">
              {targets.length === selected.length
                ? `All ${plural(selected.length, 'selected post')}.`
                : `${targets.length} of the ${selected.length} selected; the other ${selected.length - targets.length} cannot be ${chosen.verb.toLowerCase()} and are left as they are.`}{' '}
              Each is checked on its own, so a post that changed meanwhile is reported, and the
              others still go ahead.
            </Text>
            {chosen.action === 'release' && (
              <Text size="sm">
                They go out spread over the coming minutes, not all at once: the result says when
                each will.
              </Text>
            )}
            {chosen.action === 'move' && (
              <Group align="flex-end" grow>
                <NumberInput
                  label="Move by"
                  min={1}
                  max={527_040}
                  allowDecimal={false}
                  value={amount}
                  onChange={setAmount}
                  error={whole ? undefined : 'A whole number, 1 or more'}
                />
                <NativeSelect
                  label="Unit"
                  value={unit}
                  onChange={(event) => setUnit(event.currentTarget.value as Unit)}
                  data={Object.keys(UNITS)}
                />
                <NativeSelect
                  label="Direction"
                  value={direction}
                  onChange={(event) =>
                    setDirection(event.currentTarget.value as 'later' | 'earlier')
                  }
                  data={['later', 'earlier']}
                />
              </Group>
            )}
            {chosen.action === 'move' && unit === 'days' && (
              <Text size="xs" c="gray.7">
                A day keeps each post’s UK time of day, also across a clocks change.
              </Text>
            )}
            {error && (
              <Text c="red.8" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                Go back
              </Button>
              <Button
                onClick={run}
                loading={pending}
                disabled={chosen.action === 'move' && !whole}
                color={chosen.action === 'cancel' ? 'red' : undefined}
              >
                {`${chosen.button.replace('…', '')} ${plural(targets.length, 'post')}`}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
