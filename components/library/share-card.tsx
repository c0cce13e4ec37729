'use client';

// One library message on a partner's home: per platform the text rendered for the partner
// (exactly what the library gave: nothing here rewrites it), "Copy text", the platform's own
// composer where it takes pre-filled text, and "I shared this". Inside a quiet period there is
// nothing to copy or open: the library sends no text.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  TabsList,
  TabsPanel,
  TabsTab,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDownload, IconExternalLink } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import { platformLabel } from '@/components/platform-badge';
import type { LibraryItem } from '@/lib/library/library-schemas';
import { parseInstance, shareIntent } from '@/lib/library/share-intents';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';

const INSTANCE_KEY = 'signpost-mastodon-instance';

const INSTANCE_CHANGED = 'signpost-mastodon-instance-changed';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(INSTANCE_CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(INSTANCE_CHANGED, onChange);
  };
}

/** The partner's Mastodon server, asked once and remembered in this browser. */
function useMastodonInstance(): [string | null, (value: string) => void] {
  const instance = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(INSTANCE_KEY),
    () => null,
  );
  return [
    instance,
    (value: string) => {
      window.localStorage.setItem(INSTANCE_KEY, value);
      window.dispatchEvent(new Event(INSTANCE_CHANGED));
    },
  ];
}

function OpenLink({ platform, text }: { platform: Platform; text: string }) {
  const [instance, remember] = useMastodonInstance();
  const [typed, setTyped] = useState('');
  const intent = shareIntent(platform, text, instance);
  const label = platformLabel(platform);
  if (intent.kind === 'needs_instance') {
    const host = parseInstance(typed);
    return (
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Your Mastodon server"
          placeholder="mastodon.social"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          error={typed !== '' && !host ? 'A server name, such as mastodon.social' : undefined}
        />
        <Button variant="default" disabled={!host} onClick={() => host && remember(host)}>
          Remember my server
        </Button>
      </Group>
    );
  }
  return (
    <Button
      component="a"
      href={intent.url}
      target="_blank"
      rel="noopener noreferrer"
      variant="default"
      leftSection={<IconExternalLink size={16} />}
      data-testid={`open-${platform}`}
    >
      {intent.kind === 'prefilled' ? `Open ${label} to post` : `Open ${label}, then paste`}
    </Button>
  );
}

function SharedDialog({
  item,
  organisation,
  platform,
  onClose,
}: {
  item: LibraryItem;
  organisation: string;
  platform: Platform;
  onClose: () => void;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Platform>(platform);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setPending(true);
    setError(null);
    const response = await fetch(`/api/v1/messages/${encodeURIComponent(item.id)}/shares`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organisation,
        platform: chosen,
        ...(url.trim() ? { url: url.trim() } : {}),
      }),
    });
    setPending(false);
    if (response.status !== 201) {
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      setError(body?.error?.message ?? 'That could not be recorded. Try again.');
      return;
    }
    notifications.show({ color: 'green', message: `Counted: shared on ${platformLabel(chosen)}.` });
    setUrl('');
    onClose();
    router.refresh();
  };

  return (
    <Modal opened onClose={onClose} title={`I shared “${item.title}”`}>
      <Stack gap="sm">
        <Select
          label="Where"
          data={PLATFORMS.map((value) => ({ value, label: platformLabel(value) }))}
          value={chosen}
          onChange={(value) => value && setChosen(value as Platform)}
          allowDeselect={false}
        />
        <TextInput
          label="Link to your post (optional)"
          description="So its reach can be counted where the platform lets us read it."
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          maxLength={500}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={pending} onClick={submit}>
            Record it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ShareCard({
  item,
  organisation,
  scheduleHref,
}: {
  item: LibraryItem;
  organisation: string;
  /** Where to schedule it on the organisation's connected channels, when it has any. */
  scheduleHref: string | null;
}) {
  const [platform, setPlatform] = useState<Platform>('x');
  const [dialogFor, setDialogFor] = useState<Platform | null>(null);
  const [copied, setCopied] = useState<Platform | null>(null);
  const sharedOn = new Set(item.shares.map((share) => share.platform));

  const copy = async (value: Platform) => {
    await navigator.clipboard.writeText(item.renders[value].text);
    setCopied(value);
    notifications.show({ color: 'green', message: `${platformLabel(value)} text copied.` });
  };

  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`title-${item.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} size="h4" id={`title-${item.id}`}>
              {item.title}
            </Title>
            <Text size="xs" c="dimmed">
              {item.campaign.name}
            </Text>
          </div>
          {sharedOn.size > 0 && (
            <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
              Shared on {[...sharedOn].map(platformLabel).join(', ')}
            </Badge>
          )}
        </Group>
        {item.heldReason ? (
          <Alert color="orange" title="Quiet period" data-testid="quiet-period">
            {item.heldReason} Nothing can be shared until it ends.
          </Alert>
        ) : (
          <>
            {item.images.length > 0 && (
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {item.images.map((image) => (
                  <figure key={image.mediaId} style={{ margin: 0 }}>
                    <Image
                      src={image.thumbnailUrl}
                      alt={image.altText}
                      radius="sm"
                      h={140}
                      fit="contain"
                      bg="gray.1"
                    />
                    <Text component="figcaption" size="xs" c="dimmed" mt={4}>
                      Alt text: {image.altText}
                    </Text>
                  </figure>
                ))}
              </SimpleGrid>
            )}
            <Tabs value={platform} onChange={(value) => value && setPlatform(value as Platform)}>
              <TabsList>
                {PLATFORMS.map((value) => (
                  <TabsTab key={value} value={value}>
                    {platformLabel(value)}
                    {sharedOn.has(value) && <VisuallyHidden> (shared)</VisuallyHidden>}
                  </TabsTab>
                ))}
              </TabsList>
              {PLATFORMS.map((value) => {
                const render = item.renders[value];
                return (
                  <TabsPanel key={value} value={value} pt="sm">
                    {render.valid ? (
                      <Stack gap="sm">
                        <Text
                          size="sm"
                          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                          data-testid={`text-${value}`}
                        >
                          {render.text}
                        </Text>
                        <Group gap="xs">
                          <Button
                            leftSection={
                              copied === value ? <IconCheck size={16} /> : <IconCopy size={16} />
                            }
                            onClick={() => copy(value)}
                          >
                            Copy text
                          </Button>
                          <OpenLink platform={value} text={render.text} />
                          <Button variant="light" onClick={() => setDialogFor(value)}>
                            I shared this
                          </Button>
                        </Group>
                      </Stack>
                    ) : (
                      <Alert color="gray">
                        Not for {platformLabel(value)}:{' '}
                        {render.problems.map((problem) => problem.message).join(' ')}
                      </Alert>
                    )}
                  </TabsPanel>
                );
              })}
            </Tabs>
            <Group gap="sm">
              <Anchor
                href={`/api/v1/messages/${encodeURIComponent(item.id)}/share-pack?organisation=${encodeURIComponent(organisation)}`}
                size="sm"
              >
                <IconDownload size={14} aria-hidden /> Download the share pack (zip)
              </Anchor>
              {scheduleHref && (
                <Anchor href={scheduleHref} size="sm">
                  Schedule on your connected channels
                </Anchor>
              )}
            </Group>
          </>
        )}
      </Stack>
      {dialogFor !== null && (
        <SharedDialog
          key={dialogFor}
          item={item}
          organisation={organisation}
          platform={dialogFor}
          onClose={() => setDialogFor(null)}
        />
      )}
    </Paper>
  );
}
