import { Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Webhooks } from '@/components/settings/webhooks';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { listOrganisations } from '@/lib/organisations/list-organisations';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { listDeliveries, listWebhooks } from '@/lib/webhooks/list-webhooks';

export const metadata: Metadata = { title: 'Webhooks' };

/** The newest deliveries shown per webhook; the API pages through the rest. */
const LOG_ROWS = 20;

export default async function WebhooksPage() {
  const actor = await requirePage('webhook.manage');
  const [webhooks, organisations] = await Promise.all([
    listWebhooks(actor),
    listOrganisations({ limit: 500 }),
  ]);
  const logs = await Promise.all(
    webhooks.items.map((webhook) => listDeliveries(actor, webhook.id, { limit: LOG_ROWS })),
  );
  const choices = organisations.items
    .filter((organisation) => can(actor, 'webhook.manage', { organisationId: organisation.id }))
    .map((organisation) => ({ slug: organisation.slug, name: organisation.name }));
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Your own tools hear at once when a post is published, fails or is held, when a message is approved and when publishing is paused: Signpost sends each event, signed, to the URL you give."
      />
      <Stack gap="lg">
        <Webhooks
          webhooks={webhooks.items.map((webhook, index) => ({
            ...webhook,
            deliveries: logs[index]?.items ?? [],
          }))}
          organisations={choices}
          mayRegionWide={can(actor, 'webhook.manage', { organisationId: null })}
          events={WEBHOOK_EVENTS.map((event) => ({
            value: event,
            label: WEBHOOK_EVENT_LABELS[event],
          }))}
        />
      </Stack>
    </>
  );
}
