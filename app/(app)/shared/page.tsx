import {
  Anchor,
  Paper,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
} from '@mantine/core';
import type { Metadata } from 'next';
import { formatDateTime } from '@/components/format';
import { PlatformBadge } from '@/components/platform-badge';
import { PageHeader } from '@/components/shell/page-header';
import { activeMembership, requireActor } from '@/lib/auth/session-actor';
import { listShares } from '@/lib/library/list-shares';

export const metadata: Metadata = { title: 'Shared' };

export default async function SharedPage() {
  const actor = await requireActor();
  const active = await activeMembership(actor);
  const shares = active ? await listShares(actor, active.organisation.slug) : [];
  return (
    <>
      <PageHeader
        title="Shared"
        description={
          active
            ? `What ${active.organisation.name} told the campaign it shared outside Signpost.`
            : 'You do not belong to an organisation yet.'
        }
      />
      <Paper withBorder>
        {shares.length === 0 ? (
          <Text size="sm" c="dimmed" p="lg">
            Nothing recorded yet. After you post a message, press “I shared this” on Ready to share.
          </Text>
        ) : (
          <TableScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <TableThead>
                <TableTr>
                  <TableTh>Message</TableTh>
                  <TableTh>Where</TableTh>
                  <TableTh>Link</TableTh>
                  <TableTh>By</TableTh>
                  <TableTh>When</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {shares.map((share) => (
                  <TableTr key={share.id} data-testid="share-row">
                    <TableTd>{share.title}</TableTd>
                    <TableTd>
                      <PlatformBadge platform={share.platform} />
                    </TableTd>
                    <TableTd>
                      {share.url ? (
                        <Anchor
                          href={share.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          size="sm"
                        >
                          Your post
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          No link given
                        </Text>
                      )}
                    </TableTd>
                    <TableTd>{share.by}</TableTd>
                    <TableTd>{formatDateTime(share.createdAt)}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Paper>
    </>
  );
}
