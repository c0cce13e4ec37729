// A partner's home (issue 11): "Ready to share", their quiet periods, and what they shared.
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { ShareCard } from '@/components/library/share-card';
import { LinkAnchor } from '@/components/link-button';
import { PageHeader } from '@/components/shell/page-header';
import type { CurrentActor } from '@/lib/auth/actor';
import { partnerHome } from '@/lib/library/partner-home';

export async function PartnerHomePage({
  actor,
  organisation,
}: {
  actor: CurrentActor;
  organisation: string;
}) {
  const home = await partnerHome(actor, organisation);
  const count = home.themes.reduce((total, group) => total + group.items.length, 0);
  return (
    <>
      <PageHeader
        title="Ready to share"
        description={`Campaign messages approved for ${home.organisation.name}, written for ${home.organisation.area} with the helpline's details and your own campaign link. Copy a text, open the platform, or download a share pack; then tell us you shared it.`}
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="quiet-periods">
          <Title order={2} size="h4" id="quiet-periods" mb="xs">
            Your quiet periods
          </Title>
          {home.quietPeriods.length === 0 ? (
            <Text size="sm" c="dimmed">
              None set. Before elections, set your pre-election period in{' '}
              <LinkAnchor href="/settings#blackouts" size="sm">
                Settings
              </LinkAnchor>
              : nothing is offered to share while it lasts.
            </Text>
          ) : (
            <Stack gap={4}>
              {home.quietPeriods.map((period) => (
                <Text size="sm" key={period.id}>
                  <strong>{period.reason}</strong>: {period.from} until {period.until}
                  {period.now ? ' (now)' : ''}
                </Text>
              ))}
              <LinkAnchor href="/settings#blackouts" size="sm">
                Change your quiet periods
              </LinkAnchor>
            </Stack>
          )}
          {home.election && (
            <Text size="sm" mt="xs" data-testid="election-preset">
              {home.election.reason.replace(/^Pre-election period: l/, 'L')}: the pre-election
              period runs from {home.election.from} until {home.election.until}.{' '}
              <LinkAnchor href="/settings#blackouts" size="sm">
                Set it as a quiet period
              </LinkAnchor>
            </Text>
          )}
        </Paper>
        {count === 0 && (
          <Alert color="blue" title="Nothing to share yet">
            When the campaign approves a message for partners it appears here.
          </Alert>
        )}
        {home.themes.map((group) => (
          <Stack
            gap="sm"
            key={group.theme}
            component="section"
            aria-labelledby={`theme-${group.theme}`}
          >
            <Title order={2} size="h3" id={`theme-${group.theme}`}>
              {group.label}
            </Title>
            {group.items.map((item) => (
              <ShareCard
                key={item.id}
                item={item}
                organisation={home.organisation.slug}
                scheduleHref={home.hasChannels ? `/messages/${item.id}` : null}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </>
  );
}
