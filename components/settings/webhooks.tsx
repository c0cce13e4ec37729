'use client';

// Settings → Webhooks: the webhooks a person may manage, with their state and delivery log;
// adding one (the secret shown once, with how to check a signature), a test event, removing one.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createWebhookAction,
  removeWebhookAction,
  testWebhookAction,
} from '@/app/(app)/settings/webhooks/actions';
import { formatDateTime } from '@/components/format';
import type { DeliveryView, WebhookView } from '@/lib/webhooks/webhook-view';
import { ShownOnceValue } from './shown-once-value';

export interface WebhookRow extends WebhookView {
  deliveries: DeliveryView[];
}

interface Choice {
  value: string;
  label: string;
}

const REGION_WIDE = '';

const DELIVERY_STATUS = {
  pending: { label: 'Waiting', color: 'blue' },
  delivered: { label: 'Delivered', color: 'green' },
  failed: { label: 'Failed, will retry', color: 'orange' },
  abandoned: { label: 'Abandoned', color: 'red' },
} as const;

function WebhookStatus({ webhook }: { webhook: WebhookView }) {
  if (webhook.status === 'disabled')
    return (
      <Stack gap={2}>
        <Badge color="gray" variant="dot">
          Disabled
        </Badge>
        {webhook.disabledReason && (
          <Text size="xs" c="gray.7" maw={320}>
            {webhook.disabledReason}
          </Text>
        )}
      </Stack>
    );
  if (webhook.status === 'failing' && webhook.failingSince)
    return (
      <Badge color="orange" variant="dot">
        Failing since {formatDateTime(webhook.failingSince)}
      </Badge>
    );
  return (
    <Badge color="green" variant="dot">
      Active
    </Badge>
  );
}

const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before parsing it.
function fromSignpost(rawBody, signatureHeader, secret) {
  const parts = Object.fromEntries(signatureHeader.split(',').map((part) => part.split('=')));
  // Refuse old deliveries: the timestamp is signed too.
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(\`\${parts.t}.\${rawBody}\`).digest('hex');
  const given = Buffer.from(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}`;

function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title="Your webhook’s secret" size="lg">
      <Stack gap="md">
        <Alert color="orange" variant="light" title="Copy it now: it will not be shown again">
          Keep it where your tool can read it. Every delivery carries a Signpost-Signature header
          made with it, so your tool can tell Signpost’s deliveries from anyone else’s.
        </Alert>
        <ShownOnceValue value={secret ?? ''} testId="webhook-secret" copyLabel="Copy the secret" />
        <Text size="sm">
          To check a delivery, compute the HMAC-SHA256 of the header’s timestamp, a full stop and
          the raw body, keyed with the secret, and compare it with the header’s v1 value. In
          Node.js:
        </Text>
        {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
        <Code block tabIndex={0} role="region" aria-label="Checking a signature in Node.js">
          {VERIFY_EXAMPLE}
        </Code>
        <Group justify="flex-end">
          <Button onClick={onClose}>I have copied it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AddWebhookDialog({
  organisations,
  mayRegionWide,
  events,
  onCreated,
}: {
  organisations: { slug: string; name: string }[];
  mayRegionWide: boolean;
  events: Choice[];
  onCreated: (secret: string) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState('');
  const [organisation, setOrganisation] = useState<string | null>(
    mayRegionWide ? REGION_WIDE : (organisations[0]?.slug ?? null),
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const options = [
    ...(mayRegionWide ? [{ value: REGION_WIDE, label: 'Region-wide (every organisation)' }] : []),
    ...organisations.map((o) => ({ value: o.slug, label: o.name })),
  ];
  const close = () => {
    setOpened(false);
    setFields({});
    setError(null);
  };
  const submit = () =>
    startTransition(async () => {
      const result = await createWebhookAction({
        url,
        events: chosen,
        ...(organisation ? { organisation } : {}),
      });
      if (!result.ok) {
        setFields(result.fields ?? {});
        setError(result.error);
        return;
      }
      setUrl('');
      setChosen([]);
      close();
      onCreated(result.value.secret);
    });
  const eventsError =
    fields.events ?? Object.entries(fields).find(([key]) => key.startsWith('events.'))?.[1];
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpened(true)}>
        Add a webhook
      </Button>
      <Modal opened={opened} onClose={close} title="Add a webhook" size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <TextInput
              label="URL of your endpoint"
              description="Signpost POSTs each event here as JSON."
              placeholder="https://tools.example.police.uk/signpost"
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={fields.url}
              required
              maxLength={2000}
              type="url"
            />
            <Select
              label="Whose events"
              data={options}
              value={organisation}
              onChange={setOrganisation}
              error={fields.organisation}
              allowDeselect={false}
            />
            <Checkbox.Group
              label="Events"
              description="Choose at least one."
              value={chosen}
              onChange={setChosen}
              error={eventsError}
            >
              <Stack gap={6} mt={6}>
                {events.map((event) => (
                  <Checkbox key={event.value} value={event.value} label={event.label} />
                ))}
              </Stack>
            </Checkbox.Group>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add the webhook
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function DeliveryLog({ webhook, events }: { webhook: WebhookRow; events: Map<string, string> }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)}>
        Delivery log
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Deliveries to ${webhook.url}`}
        size="xl"
      >
        {webhook.deliveries.length === 0 ? (
          <Text size="sm" c="gray.7">
            Nothing has been sent yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>HTTP</Table.Th>
                  <Table.Th>Response time</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {webhook.deliveries.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>
                      {formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt)}
                    </Table.Td>
                    <Table.Td>
                      {delivery.event === 'test'
                        ? 'Test event'
                        : (events.get(delivery.event) ?? delivery.event)}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={DELIVERY_STATUS[delivery.status].color} variant="light">
                        {DELIVERY_STATUS[delivery.status].label}
                      </Badge>
                      {delivery.lastError && (
                        <Text size="xs" c="gray.7" mt={4} maw={280}>
                          {delivery.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{delivery.lastStatusCode ?? '—'}</Table.Td>
                    <Table.Td>
                      {delivery.responseMs === null ? '—' : `${delivery.responseMs} ms`}
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Modal>
    </>
  );
}

function RemoveWebhook({ webhook, onDone }: { webhook: WebhookView; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await removeWebhookAction(webhook.id);
      notifications.show(
        result.ok
          ? { color: 'green', message: result.message }
          : { color: 'red', message: result.error },
      );
      setOpened(false);
      onDone();
    });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={() => setOpened(true)}
      >
        Remove
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Remove this webhook?">
        <Stack gap="md">
          <Text size="sm">
            Signpost stops sending events to {webhook.url}, and its delivery log is deleted. The
            audit log keeps that it existed.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Keep it
            </Button>
            <Button color="red" loading={pending} onClick={remove}>
              Remove the webhook
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function Webhooks({
  webhooks,
  organisations,
  mayRegionWide,
  events,
}: {
  webhooks: WebhookRow[];
  organisations: { slug: string; name: string }[];
  mayRegionWide: boolean;
  events: Choice[];
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [testing, startTest] = useTransition();
  const labels = new Map(events.map((event) => [event.value, event.label]));
  const test = (webhookId: string) =>
    startTest(async () => {
      const result = await testWebhookAction(webhookId);
      notifications.show(
        result.ok
          ? {
              color: result.value.status === 'delivered' ? 'green' : 'orange',
              message: result.message,
            }
          : { color: 'red', message: result.error },
      );
      router.refresh();
    });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="gray.7" maw={640}>
          A delivery that is not answered with a 2xx within a few seconds is retried with backoff
          for about a day; a webhook that fails for a whole day is disabled and whoever added it is
          told.
        </Text>
        <AddWebhookDialog
          organisations={organisations}
          mayRegionWide={mayRegionWide}
          events={events}
          onCreated={(created) => {
            setSecret(created);
            router.refresh();
          }}
        />
      </Group>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      {webhooks.length === 0 ? (
        <Text size="sm" c="gray.7">
          No webhooks yet. Add one to have your own tools hear about posts, approvals and pauses.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Organisation</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.map((webhook) => (
                <Table.Tr key={webhook.id}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{webhook.url}</Table.Td>
                  <Table.Td>{webhook.organisation?.name ?? 'Region-wide'}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {webhook.events.map((event) => (
                        <Text key={event} size="sm">
                          {labels.get(event) ?? event}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <WebhookStatus webhook={webhook} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <DeliveryLog webhook={webhook} events={labels} />
                      {webhook.status !== 'disabled' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconSend size={14} />}
                          loading={testing}
                          onClick={() => test(webhook.id)}
                        >
                          Send a test event
                        </Button>
                      )}
                      <RemoveWebhook webhook={webhook} onDone={() => router.refresh()} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
