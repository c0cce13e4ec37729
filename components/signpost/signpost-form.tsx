'use client';

// Changing the signpost: its details and wording on the left, what posts would look like with it
// on the right. Saving makes a new version, based on the version the editor started from, so a
// colleague's change made meanwhile is never silently replaced.
import {
  Alert,
  Button,
  Grid,
  GridCol,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState, useTransition } from 'react';
import { updateSignpostAction } from '@/app/(app)/settings/signpost/actions';
import { LivePreview } from '@/components/messages/preview/live-preview';
import type { Platform, Publisher, SignpostWording } from '@/lib/platforms/types';
import type { SignpostView } from '@/lib/signpost/signpost-store';
import {
  draftOf,
  previewSignpost,
  SAMPLE_CAMPAIGN,
  SAMPLE_MESSAGES,
  type SignpostDraft,
} from './signpost-draft';
import { SignpostWordingFields } from './signpost-wording-fields';

const NO_OVERRIDES = {};
const NO_IMAGES: { altText: string }[] = [];

export function SignpostForm({
  current,
  organisations,
  defaultOrganisation,
}: {
  current: SignpostView;
  organisations: Publisher[];
  defaultOrganisation: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<SignpostDraft>(() => draftOf(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean } | null>(null);
  const [sample, setSample] = useState<keyof typeof SAMPLE_MESSAGES>('short');
  const [pending, startTransition] = useTransition();

  const set = (field: 'helplineName' | 'phone' | 'url' | 'note', value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const setWording = useCallback(
    (platform: Platform, form: keyof SignpostWording, text: string) =>
      setDraft((previous) => ({
        ...previous,
        wording: {
          ...previous.wording,
          [platform]: { ...previous.wording[platform], [form]: text },
        },
      })),
    [],
  );
  const signpost = useMemo(() => previewSignpost(draft, current.version), [draft, current.version]);

  const save = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await updateSignpostAction({
        helplineName: draft.helplineName,
        phone: draft.phone,
        url: draft.url,
        wording: draft.wording,
        ...(draft.note.trim() ? { note: draft.note } : {}),
        basedOnVersion: current.version,
      });
      if (!result.ok) {
        setErrors(result.fields ?? {});
        setFailure(
          result.code === 'conflict'
            ? {
                message:
                  'Someone changed the signpost while you were editing. Reload to see their version, then make your change again.',
                stale: true,
              }
            : { message: result.error, stale: false },
        );
        return;
      }
      setErrors({});
      notifications.show({ color: 'green', message: result.message });
      setDraft((previous) => ({ ...previous, note: '' }));
      router.refresh();
    });

  return (
    <Grid gap="lg" align="flex-start">
      <GridCol span={{ base: 12, lg: 6 }}>
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              Edit the signpost
            </Title>
            <TextInput
              label="Helpline name"
              required
              value={draft.helplineName}
              onChange={(event) => set('helplineName', event.currentTarget.value)}
              error={errors.helplineName}
            />
            <TextInput
              label="Phone"
              required
              value={draft.phone}
              onChange={(event) => set('phone', event.currentTarget.value)}
              error={errors.phone}
            />
            <TextInput
              label="Website"
              description="Tagged for each post so the charity can count visits."
              required
              value={draft.url}
              onChange={(event) => set('url', event.currentTarget.value)}
              error={errors.url}
            />
            <SignpostWordingFields wording={draft.wording} errors={errors} onChange={setWording} />
            <TextInput
              label="Why it is changing"
              description="Kept in the history, for example “New helpline opening hours”."
              maxLength={500}
              value={draft.note}
              onChange={(event) => set('note', event.currentTarget.value)}
              error={errors.note}
            />
            {failure && (
              <Alert
                color={failure.stale ? 'orange' : 'red'}
                variant="light"
                role="alert"
                title="Not saved"
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{failure.message}</Text>
                  {failure.stale && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconRefresh size={14} aria-hidden />}
                      onClick={() => window.location.reload()}
                    >
                      Reload the signpost
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Saving makes version {current.version + 1}. Posts not yet published pick it up.
              </Text>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                onClick={save}
                loading={pending}
              >
                Save new version
              </Button>
            </Group>
          </Stack>
        </Paper>
      </GridCol>
      <GridCol span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Sample message"
            value={sample}
            onChange={(value) => setSample(value as keyof typeof SAMPLE_MESSAGES)}
            data={[
              { value: 'short', label: 'With a short message' },
              { value: 'long', label: 'With a long message' },
            ]}
          />
          <LivePreview
            body={SAMPLE_MESSAGES[sample]}
            overrides={NO_OVERRIDES}
            images={NO_IMAGES}
            campaignSlug={SAMPLE_CAMPAIGN}
            signpost={signpost}
            organisations={organisations}
            defaultOrganisation={defaultOrganisation}
          />
        </Stack>
      </GridCol>
    </Grid>
  );
}
