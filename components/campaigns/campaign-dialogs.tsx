'use client';

// The campaign lead's buttons: start a campaign, change one, archive one (after confirming).
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPencil, IconPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  archiveCampaignAction,
  createCampaignAction,
  updateCampaignAction,
} from '@/app/(app)/campaigns/actions';
import type { CampaignView } from '@/lib/campaigns/campaign-schemas';
import { CampaignForm, initialCampaignValues, type CampaignPayload } from './campaign-form';

export function NewCampaignButton() {
  const [opened, { open, close }] = useDisclosure();
  const router = useRouter();
  const create = async (payload: CampaignPayload) => {
    const result = await createCampaignAction(payload);
    if (!result.ok) return result;
    notifications.show({ color: 'green', message: result.message });
    close();
    router.push(`/campaigns/${result.value.id}`);
    return { ok: true as const };
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        New campaign
      </Button>
      <Modal opened={opened} onClose={close} title="New campaign" size="lg">
        {opened && (
          <CampaignForm
            initial={initialCampaignValues()}
            submitLabel="Create campaign"
            onSubmit={create}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}

export function EditCampaignButton({ campaign }: { campaign: CampaignView }) {
  const [opened, { open, close }] = useDisclosure();
  const router = useRouter();
  const save = async (payload: CampaignPayload) => {
    const result = await updateCampaignAction(campaign.id, payload);
    if (!result.ok) return result;
    notifications.show({ color: 'green', message: result.message });
    close();
    router.refresh();
    return { ok: true as const };
  };
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={open}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title="Edit campaign" size="lg">
        {opened && (
          <CampaignForm
            initial={initialCampaignValues(campaign)}
            submitLabel="Save changes"
            onSubmit={save}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}

export function ArchiveCampaignButton({ campaign }: { campaign: CampaignView }) {
  const [opened, { open, close }] = useDisclosure();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const archive = () =>
    startTransition(async () => {
      const result = await archiveCampaignAction(campaign.id);
      if (!result.ok) return setError(result.error);
      notifications.show({ color: 'green', message: result.message });
      close();
      router.refresh();
    });
  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconArchive size={16} aria-hidden />}
        onClick={() => {
          setError(null);
          open();
        }}
      >
        Archive
      </Button>
      <Modal opened={opened} onClose={close} title={`Archive “${campaign.name}”?`}>
        <Stack>
          <Text size="sm">
            Nobody will be able to write or change this campaign’s messages. Its messages, posts and
            reach stay readable.
          </Text>
          <Text size="sm">
            Posts already scheduled still go out. Cancel them on the Schedule page if they must not.
          </Text>
          <Text size="sm" fw={600}>
            Archiving cannot be undone.
          </Text>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it running
            </Button>
            <Button color="red" onClick={archive} loading={pending}>
              Archive campaign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
