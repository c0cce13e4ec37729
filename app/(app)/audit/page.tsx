import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { AuditEventRow } from '@/components/audit/audit-event-row';
import { AuditFilters } from '@/components/audit/audit-filters';
import { LinkButton } from '@/components/link-button';
import { PageHeader } from '@/components/shell/page-header';
import { ListQuery } from '@/lib/api/pagination';
import { auditNames, auditPeople, auditSubjectKey, whoDid } from '@/lib/audit/audit-subjects';
import { AuditFilter, type AuditEventView, listAudit } from '@/lib/audit/list-audit';
import { requirePage } from '@/lib/auth/require-page';
import { AppError } from '@/lib/errors';
import { dayStart } from '@/lib/scheduling/london-time';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const PAGE_SIZE = 50;

const ukDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full' });

/** Events under the UK day they happened on, keeping the newest-first order. */
function byUkDay(events: AuditEventView[]): [string, AuditEventView[]][] {
  const days = new Map<string, AuditEventView[]>();
  for (const event of events) {
    const day = ukDay.format(new Date(event.at));
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  return [...days];
}

/** The log's address with these filters (and, for a later page, its cursor). */
function auditHref(values: Record<string, string | undefined>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...values, cursor }))
    if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/audit?${query}` : '/audit';
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage('audit.read');
  const params = await searchParams;
  const values = {
    entityType: one(params.entityType),
    action: one(params.action),
    actor: one(params.actor),
    from: one(params.from),
    to: one(params.to),
  };
  const cursor = one(params.cursor);
  // The date filter is in UK days: from the start of the first to the end of the last.
  const filter = AuditFilter.safeParse({
    entityType: values.entityType,
    action: values.action,
    actor: values.actor,
    from: values.from ? dayStart(values.from)?.toISOString() : undefined,
    to: values.to ? dayStart(values.to, 1)?.toISOString() : undefined,
  });
  const [page, people] = await Promise.all([
    filter.success
      ? listAudit(actor, {
          ...ListQuery.parse({ limit: PAGE_SIZE, cursor }),
          ...filter.data,
        }).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'validation_failed') return error;
          throw error;
        })
      : null,
    auditPeople(actor),
  ]);
  const events = page && !(page instanceof AppError) ? page : { items: [], nextCursor: null };
  const names = await auditNames(actor, events.items);
  const problem = !filter.success
    ? 'These filters are not valid. Clear them and try again.'
    : page instanceof AppError
      ? page.message
      : null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change of state and every edit: who did what and when, with what was there before and after. Newest first; times are UK time."
      />
      <Stack gap="md">
        <AuditFilters people={people} values={values} />
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Paper withBorder>
          {events.items.length === 0 ? (
            <Text size="sm" c="dimmed" p="lg">
              {cursor ? 'No older events.' : 'Nothing in the log matches these filters.'}
            </Text>
          ) : (
            byUkDay(events.items).map(([day, dayEvents]) => (
              <section key={day} aria-label={day}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="md" py={6} bg="gray.0">
                  {day}
                </Text>
                {dayEvents.map((event) => (
                  <AuditEventRow
                    key={event.id}
                    event={event}
                    who={whoDid(event, names)}
                    subject={names.subjects[auditSubjectKey(event)]}
                  />
                ))}
              </section>
            ))
          )}
        </Paper>
        <Group justify="space-between">
          {cursor ? (
            <LinkButton variant="default" href={auditHref(values)}>
              Back to the newest
            </LinkButton>
          ) : (
            <span />
          )}
          {events.nextCursor && (
            <LinkButton variant="default" href={auditHref(values, events.nextCursor)}>
              Older events
            </LinkButton>
          )}
        </Group>
      </Stack>
    </>
  );
}
