'use client';

// "Connect a channel" and "Reconnect" by the platform's own authorisation: Signpost makes the
// flow's state and PKCE verifier, then the browser goes to the platform's consent page and comes
// back to Settings with the channel connected (or a page saying why not).
import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState, useTransition } from 'react';
import { startChannelAuthorisationAction } from '@/app/(app)/settings/channels/actions';

type Start = Parameters<typeof startChannelAuthorisationAction>[0];

function useStart() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ form: string; fields: Record<string, string> } | null>(null);
  const start = (request: Start) =>
    startTransition(async () => {
      const result = await startChannelAuthorisationAction(request);
      if (!result.ok) {
        setError({ form: result.error, fields: result.fields ?? {} });
        return;
      }
      window.location.assign(result.value.url);
    });
  return { pending, error, start };
}

export function ConnectByOAuthForm({
  platforms,
  organisations,
}: {
  platforms: { value: string; label: string; site: string }[];
  organisations: { value: string; label: string }[];
}) {
  const { pending, error, start } = useStart();
  const [platform, setPlatform] = useState<string | null>(platforms[0]?.value ?? null);
  const [organisationId, setOrganisationId] = useState<string | null>(
    organisations.length === 1 ? (organisations[0]?.value ?? null) : null,
  );
  const site = platforms.find((choice) => choice.value === platform)?.site;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        start({ platform: (platform ?? '') as 'x', organisationId: organisationId ?? '' });
      }}
    >
      <Stack gap="sm" maw={480}>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error.form}
          </Alert>
        )}
        <Select
          label="Platform"
          data={platforms.map(({ value, label }) => ({ value, label }))}
          value={platform}
          onChange={setPlatform}
          allowDeselect={false}
          required
          error={error?.fields.platform}
        />
        <Select
          label="Organisation"
          description="The organisation the channel publishes for."
          placeholder="Choose an organisation"
          data={organisations}
          value={organisationId}
          onChange={setOrganisationId}
          searchable
          required
          error={error?.fields.organisationId}
        />
        <Button
          type="submit"
          loading={pending}
          leftSection={<IconPlugConnected size={16} />}
          styles={{ label: { whiteSpace: 'normal' }, root: { height: 'auto', minHeight: 36 } }}
          style={{ alignSelf: 'flex-start' }}
        >
          {site ? `Continue to ${site}` : 'Continue'}
        </Button>
        <Text size="sm" c="dimmed">
          You sign in to the platform there and authorise Signpost; then you come back here.
        </Text>
      </Stack>
    </form>
  );
}

/** "Reconnect" on a channel: the same flow, for the account the channel already publishes to. */
export function ReconnectByOAuth({
  channel,
}: {
  channel: { id: string; handle: string; platformLabel: string; needsReauth: boolean };
}) {
  const { pending, error, start } = useStart();
  return (
    <>
      <Button
        size="compact-sm"
        variant={channel.needsReauth ? 'filled' : 'subtle'}
        color={channel.needsReauth ? 'orange' : undefined}
        leftSection={<IconPlugConnected size={14} />}
        loading={pending}
        onClick={() => start({ channelId: channel.id })}
      >
        Reconnect
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert" mt={4}>
          {error.form}
        </Text>
      )}
    </>
  );
}
