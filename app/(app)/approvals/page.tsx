import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { previewMediaFacts } from '@/components/messages/preview/preview-media';
import { PageHeader } from '@/components/shell/page-header';
import { requirePage } from '@/lib/auth/require-page';
import { checkStoredMessage } from '@/lib/messages/check-stored-message';
import { composePreview } from '@/lib/messages/compose-preview';
import { listAwaitingApproval } from '@/lib/messages/list-awaiting-approval';
import { listMessages } from '@/lib/messages/list-messages';
import { composerImages, previewContext } from '../messages/message-preview-context';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  const actor = await requirePage('message.approve');
  const [queue, inReview, context] = await Promise.all([
    listAwaitingApproval(actor),
    listMessages(actor, { status: 'in_review', limit: 500 }),
    previewContext(actor),
  ]);
  const checks = await Promise.all(queue.map((item) => checkStoredMessage(actor, item.message.id)));
  const organisation =
    context.organisations.find((candidate) => candidate.slug === context.defaultOrganisation) ??
    context.organisations[0];
  const own = inReview.items.filter((message) => message.author.id === actor.userId).length;

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Messages waiting for a second campaign lead, the longest-waiting first. You cannot approve your own."
      />
      {queue.length === 0 || !organisation ? (
        <Paper withBorder p="xl" data-testid="approvals-empty">
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size="xl" radius="xl" variant="light" color="green">
              <IconChecks size={24} aria-hidden />
            </ThemeIcon>
            <Text fw={600}>Nothing is waiting for your approval</Text>
            <Text size="sm" c="dimmed" maw={520}>
              When a colleague submits a message for review it appears here.
              {own > 0 &&
                ` ${own === 1 ? 'Your own message in review waits' : `Your ${own} messages in review wait`} for another campaign lead.`}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="lg">
          {queue.map((item, index) => {
            const { message, campaign } = item;
            const rendered = composePreview({
              body: message.body,
              overrides: message.overrides,
              media: previewMediaFacts(message.media),
              organisation,
              campaignSlug: campaign.slug,
              signpost: context.signpost,
            });
            const check = checks[index] ?? { ok: true, problems: [], warnings: [] };
            return (
              <ApprovalCard
                key={message.id}
                item={item}
                check={check}
                preview={rendered}
                organisationName={organisation.name}
                organisationNames={context.organisationNames}
                images={composerImages(message)}
              />
            );
          })}
        </Stack>
      )}
    </>
  );
}
