import { Alert, Box, Grid, GridCol, Group, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/format';
import { LinkAnchor } from '@/components/link-button';
import { CommentsThread } from '@/components/messages/comments-thread';
import { Composer } from '@/components/messages/composer/composer';
import { MessageChecks } from '@/components/messages/message-checks';
import { MessageReadout } from '@/components/messages/message-readout';
import { MessageStatusBadge } from '@/components/messages/message-status-badge';
import { MessageStatusPanel } from '@/components/messages/message-status-panel';
import { WhereItGoes } from '@/components/messages/where-it-goes';
import { LivePreview } from '@/components/messages/preview/live-preview';
import { MessageReach } from '@/components/reach/message-reach';
import { ScheduleMessageDialog } from '@/components/schedule/schedule-message-dialog';
import { PageHeader } from '@/components/shell/page-header';
import { mayOpen } from '@/lib/auth/navigation';
import { can } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { AppError } from '@/lib/errors';
import { checkStoredMessage } from '@/lib/messages/check-stored-message';
import { getMessage } from '@/lib/messages/get-message';
import { schedulingOptions } from '@/lib/posts/scheduling-options';
import { whereItGoes } from '@/lib/posts/where-it-goes';
import { reachView } from '@/lib/reach/reach-query';
import { composerImages, previewContext } from '../message-preview-context';

export const metadata: Metadata = { title: 'Message' };

const orNotFound = (error: unknown): never => {
  if (error instanceof AppError && error.code === 'not_found') notFound();
  throw error;
};

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('message.read');
  const { id } = await params;
  const message = await getMessage(actor, id).catch(orNotFound);
  const [campaign, { organisationNames, ...context }] = await Promise.all([
    getCampaign(actor, message.campaignId).catch(orNotFound),
    previewContext(actor),
  ]);
  const isAuthor = message.author.id === actor.userId;
  const open = campaign.status === 'active';
  const editable =
    open &&
    message.status === 'draft' &&
    can(actor, 'message.update', { authorId: message.author.id });
  const mayReview = can(actor, 'message.approve', { authorId: message.author.id });
  // Only an approved message is ever scheduled; an archived one keeps its posts.
  const scheduled = message.status === 'approved' || message.status === 'archived';
  const [checks, scheduling, reach, places] = await Promise.all([
    message.status === 'in_review' && (mayReview || isAuthor)
      ? checkStoredMessage(actor, id)
      : null,
    // Whoever may schedule for some organisation; schedulingOptions says which, for this message.
    message.status === 'approved' && open && mayOpen(actor, 'post.schedule')
      ? schedulingOptions(actor, id)
      : null,
    message.status === 'approved'
      ? reachView(actor, { messageId: id, groupBy: 'organisation' })
      : null,
    scheduled && mayOpen(actor, 'post.read') ? whereItGoes(actor, id) : null,
  ]);
  const images = composerImages(message);

  const returned = message.status === 'draft' && message.rejectionReason && (
    <Alert
      color="orange"
      variant="light"
      title="Sent back for changes"
      data-testid="rejection-reason"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {message.rejectionReason}
      </Text>
    </Alert>
  );
  const comments = (
    <CommentsThread
      messageId={message.id}
      comments={message.comments}
      mayComment={can(actor, 'message.comment')}
    />
  );

  return (
    <>
      <PageHeader
        title={message.title}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <MessageStatusBadge status={message.status} />
            <span>
              In{' '}
              <LinkAnchor href={`/campaigns/${campaign.id}`} size="sm">
                {campaign.name}
              </LinkAnchor>
              , by {message.author.name}. Last changed {formatDateTime(message.updatedAt)}.
            </span>
            {message.previousVersionId && (
              <span>
                A new version of{' '}
                <LinkAnchor href={`/messages/${message.previousVersionId}`} size="sm">
                  an approved message
                </LinkAnchor>
                .
              </span>
            )}
          </Group>
        }
      />
      {editable ? (
        <Stack gap="lg">
          {returned}
          <Composer campaign={campaign} message={message} images={images} {...context} />
          <Box maw={720}>{comments}</Box>
        </Stack>
      ) : (
        <Grid gap="lg" align="flex-start">
          <GridCol span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <MessageStatusPanel
                message={message}
                mayReview={message.status === 'in_review' && mayReview}
                isAuthor={isAuthor}
                mayCopy={open && can(actor, 'message.create')}
                schedule={
                  scheduling && (
                    <ScheduleMessageDialog
                      messageId={message.id}
                      messageTitle={message.title}
                      {...scheduling}
                    />
                  )
                }
              />
              {returned}
              <MessageReadout message={message} images={images} />
              {checks && (
                <MessageChecks
                  problems={checks.problems}
                  warnings={checks.warnings}
                  organisationNames={organisationNames}
                />
              )}
              {comments}
            </Stack>
          </GridCol>
          <GridCol span={{ base: 12, lg: 7 }}>
            <LivePreview
              body={message.body}
              overrides={message.overrides}
              images={images}
              campaignSlug={campaign.slug}
              {...context}
            />
          </GridCol>
          {places && (
            <GridCol span={12}>
              <WhereItGoes {...places} />
            </GridCol>
          )}
          {reach && (
            <GridCol span={12}>
              <MessageReach view={reach} />
            </GridCol>
          )}
        </Grid>
      )}
    </>
  );
}
