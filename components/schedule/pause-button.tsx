'use client';

import { Alert, Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createPauseAction } from '@/app/(app)/schedule/actions';
import type { PauseChoices } from '@/lib/pauses/pause-choices';

/** Pause publishing now. Deliberately quick: in an incident seconds matter. */
export function PauseButton({ choices }: { choices: PauseChoices }) {
  const { organisations, campaigns } = choices;
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [scope, setScope] = useState<string>(
    choices.everything ? 'global' : organisations.length > 0 ? 'organisation' : 'campaign',
  );
  const [organisation, setOrganisation] = useState<string | null>(
    organisations.length === 1 ? (organisations[0]?.slug ?? null) : null,
  );
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // Only what lib says may still be paused (lib/pauses/pause-choices.ts).
  const scopes = [
    ...(choices.everything
      ? [{ value: 'global', label: 'Everything, for every organisation' }]
      : []),
    ...(organisations.length > 0 ? [{ value: 'organisation', label: 'One organisation' }] : []),
    ...(campaigns.length > 0 ? [{ value: 'campaign', label: 'One campaign' }] : []),
  ];

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const result = await createPauseAction({
        scope,
        reason,
        ...(scope === 'organisation' && organisation ? { organisation } : {}),
        ...(scope === 'campaign' && campaignId ? { campaignId } : {}),
      });
      if (!result.ok) return setError(result.error);
      notifications.show({
        color: 'orange',
        title: 'Publishing paused',
        message: result.value.settled
          ? 'Nothing in scope is being published. Posts due meanwhile will be held.'
          : 'Paused. A post that was already being sent may still land; check the Schedule.',
      });
      setOpened(false);
      setReason('');
      router.refresh();
    });

  return (
    <>
      <Button
        color="orange"
        variant="light"
        leftSection={<IconPlayerPause size={16} />}
        onClick={() => setOpened(true)}
      >
        Pause publishing
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Pause publishing">
        <Stack>
          <Text size="sm" c="dimmed">
            Publishing stops within a second. Posts whose time comes while paused are held; when the
            pause is lifted, a person releases or reschedules each of them, so nothing goes out in a
            burst.
          </Text>
          <Select
            label="What to pause"
            data={scopes}
            value={scope}
            onChange={(value) => value && setScope(value)}
            allowDeselect={false}
          />
          {scope === 'organisation' && (
            <Select
              label="Organisation"
              data={organisations.map((o) => ({ value: o.slug, label: o.name }))}
              value={organisation}
              onChange={setOrganisation}
              searchable
              placeholder="Choose"
            />
          )}
          {scope === 'campaign' && (
            <Select
              label="Campaign"
              data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
              value={campaignId}
              onChange={setCampaignId}
              placeholder="Choose"
            />
          )}
          <Textarea
            label="Reason"
            description="Shown to everyone on every page while the pause is on."
            placeholder="Major incident in Lancashire: hold all scheduled posts"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button
            color="orange"
            onClick={submit}
            loading={pending}
            leftSection={<IconPlayerPause size={16} />}
          >
            Pause now
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
