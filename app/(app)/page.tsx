import {
  Anchor,
  Badge,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconChecklist,
  IconCircleCheck,
} from '@tabler/icons-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/format';
import { LinkAnchor } from '@/components/link-button';
import { PlatformBadge } from '@/components/platform-badge';
import { ReachTiles } from '@/components/reach/reach-tiles';
import { PageHeader } from '@/components/shell/page-header';
import { actsAsPartner } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { PartnerHomePage } from './partner-home';
import { reachSummary } from '@/lib/reach/reach-summary';
import { activeMembership, requireActor } from '@/lib/auth/session-actor';
import { dashboardSummary } from '@/lib/dashboard/dashboard-summary';
import { currentSignpost } from '@/lib/signpost/signpost-store';

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: actsAsPartner(await activeMembership(actor)) ? 'Ready to share' : 'Dashboard' };
}

function Stat({
  label,
  value,
  href,
  icon,
  color,
}: {
  label: string;
  value: number;
  href: string;
  icon: ReactNode;
  color: string;
}) {
  return (
    <Link href={href} style={{ textDecoration: 'none', color: 'inherit' }}>
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fz={28} fw={700} lh={1.2}>
              {value}
            </Text>
          </div>
          <ThemeIcon size={40} radius="md" variant="light" color={color}>
            {icon}
          </ThemeIcon>
        </Group>
      </Paper>
    </Link>
  );
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export default async function DashboardPage() {
  const actor = await requireActor();
  const acting = await activeMembership(actor);
  // A partner's home is its own page, not the forces' dashboard with parts hidden (issue 11).
  if (acting && actsAsPartner(acting))
    return <PartnerHomePage actor={actor} organisation={acting.organisation.slug} />;
  const [active, signpost, summary, reach] = await Promise.all([
    acting,
    currentSignpost(),
    dashboardSummary(actor),
    reachSummary(actor, new Date()),
  ]);
  const firstName = actor.user.name.split(' ')[0];
  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={
          active
            ? `You are acting for ${active.organisation.name} as ${ROLE_LABELS[active.role].toLowerCase()}.`
            : 'You do not belong to an organisation yet. Ask an administrator to add you.'
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat
            label="Due today"
            value={summary.today.scheduled}
            href="/schedule"
            icon={<IconCalendarEvent size={22} />}
            color="blue"
          />
          <Stat
            label="Published today"
            value={summary.today.published}
            href="/schedule?view=published"
            icon={<IconCircleCheck size={22} />}
            color="green"
          />
          <Stat
            label="Needs attention"
            value={summary.needsAttention}
            href="/schedule?view=attention"
            icon={<IconAlertTriangle size={22} />}
            color={summary.needsAttention > 0 ? 'orange' : 'gray'}
          />
          {summary.awaitingApproval !== null && (
            <Stat
              label="Waiting for your approval"
              value={summary.awaitingApproval}
              href="/approvals"
              icon={<IconChecklist size={22} />}
              color="violet"
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Next posts
              </Title>
              <LinkAnchor href="/schedule" size="sm">
                Open the schedule
              </LinkAnchor>
            </Group>
            {summary.next.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing is scheduled on your channels.
              </Text>
            ) : (
              <Table verticalSpacing={6}>
                {/* Each cell is read with its column's name (1.3.1). */}
                <TableThead>
                  <TableTr>
                    <TableTh>Time</TableTh>
                    <TableTh>Platform</TableTh>
                    <TableTh>Message</TableTh>
                  </TableTr>
                </TableThead>
                <TableTbody>
                  {summary.next.map((post) => (
                    <TableTr key={post.id}>
                      <TableTd w={110}>
                        <Text size="sm" ff="monospace">
                          {timeFormat.format(new Date(post.scheduledAt))}
                        </Text>
                      </TableTd>
                      <TableTd w={124}>
                        <PlatformBadge platform={post.platform} />
                      </TableTd>
                      <TableTd>
                        <Text size="sm" lineClamp={1}>
                          {post.messageTitle}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {post.organisation.name}
                        </Text>
                      </TableTd>
                    </TableTr>
                  ))}
                </TableTbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="lg">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                The signpost on every post
              </Title>
              <Badge variant="light">Version {signpost.version}</Badge>
            </Group>
            <Stack gap={4}>
              <Text fw={600}>{signpost.helplineName}</Text>
              <Text size="sm">
                Phone: <Code>{signpost.phone}</Code> — confidential and anonymous
              </Text>
              <Text size="sm">
                Website: <Anchor href={signpost.url}>{signpost.url}</Anchor>
              </Text>
              <Text size="xs" c="dimmed">
                Set {formatDateTime(signpost.createdAt)}. Every post not yet published carries the
                current version.
              </Text>
            </Stack>
          </Paper>
        </SimpleGrid>
        {reach && (
          <Paper withBorder p="lg" data-testid="reach-summary">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <div>
                <Title order={2} size="h4">
                  Reach in the last 28 days
                </Title>
                <Text size="sm" c="dimmed">
                  {reach.campaignName}, {reach.periodLabel}
                </Text>
              </div>
              <LinkAnchor href="/reach" size="sm">
                Open Reach
              </LinkAnchor>
            </Group>
            <ReachTiles
              totals={reach.totals}
              previous={reach.previous}
              previousLabel={reach.previousLabel}
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}
