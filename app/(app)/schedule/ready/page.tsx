import { Group, Paper, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { LinkButton } from '@/components/link-button';
import { ReadyMessages } from '@/components/schedule/ready-list';
import { ScheduleFilters } from '@/components/schedule/schedule-filters';
import { PageHeader } from '@/components/shell/page-header';
import { organisationScope } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { RECENTLY_PUBLISHED_DAYS } from '@/lib/posts/ready-standing';
import { readyToSchedule } from '@/lib/posts/ready-to-schedule';
import { ReadyQuery } from '@/lib/posts/ready-view';

export const metadata: Metadata = { title: 'Ready to schedule' };

type SearchParams = Record<string, string | string[] | undefined>;
// Each message shows every channel: ten keep the page to a few screens.
const PAGE_SIZE = 10;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function readyHref(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/schedule/ready?${query}` : '/schedule/ready';
}

export default async function ReadyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage('post.schedule');
  const params = await searchParams;
  const filters = {
    organisation: one(params.organisation),
    platform: one(params.platform),
    campaignId: one(params.campaign),
  };
  const cursor = one(params.cursor);
  const inAddress = { ...filters, campaign: filters.campaignId, campaignId: undefined };
  const scope = organisationScope(actor, 'post.schedule');
  const [organisations, campaigns] = await Promise.all([
    db.organisation.findMany({
      where: scope === 'all' ? {} : { id: { in: scope } },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.campaign.findMany({
      where: { status: 'active', endsAt: { gt: new Date() } },
      select: { id: true, name: true },
      orderBy: { startsAt: 'desc' },
    }),
  ]);

  const query = ReadyQuery.safeParse({ ...filters, cursor, limit: PAGE_SIZE });
  let list: Awaited<ReturnType<typeof readyToSchedule>> | null = null;
  let problem: string | null = query.success
    ? null
    : `These filters are not valid: ${query.error.issues.map((issue) => issue.message).join('; ')}`;
  if (query.success) {
    try {
      list = await readyToSchedule(actor, query.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'not_found') notFound();
      if (error.code === 'forbidden') forbidden();
      problem = error.message;
    }
  }

  return (
    <>
      <PageHeader
        title="Ready to schedule"
        description={`Approved messages not yet on the schedule of ${
          list ? list.organisation.name : 'your organisation'
        }'s channels, newest first, with times that suit your usual posting hours and keep clear of blackouts, pauses and your other posts. A warning shows when a message is already scheduled on a channel or went out there in the last ${RECENTLY_PUBLISHED_DAYS} days. Times are UK time.`}
        actions={
          <LinkButton variant="default" href="/schedule">
            Back to the Schedule
          </LinkButton>
        }
      />
      <Stack gap="md">
        <ScheduleFilters
          organisations={organisations}
          campaigns={campaigns}
          values={{
            ...filters,
            // The organisation shown, when there is a choice: a lead starts from their own.
            organisation:
              organisations.length > 1
                ? (filters.organisation ?? list?.organisation.slug)
                : undefined,
          }}
          withDates={false}
        />
        {problem || !list ? (
          <Paper withBorder p="lg">
            <Text c="red.8">{problem}</Text>
          </Paper>
        ) : (
          <ReadyMessages organisation={list.organisation} items={list.items} />
        )}
        {(cursor || list?.nextCursor) && (
          <Group justify="space-between">
            {cursor ? (
              <LinkButton variant="default" href={readyHref(inAddress)}>
                Back to the newest
              </LinkButton>
            ) : (
              <span />
            )}
            {list?.nextCursor && (
              <LinkButton
                variant="default"
                href={readyHref({ ...inAddress, cursor: list.nextCursor })}
              >
                Older messages
              </LinkButton>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
