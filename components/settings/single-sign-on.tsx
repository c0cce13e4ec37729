'use client';

// Settings → Single sign-on: each active organisation with its OpenID Connect provider, or none;
// setting one up or changing it (the client secret is never shown again, and left empty it is
// kept), and removing it.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { removeSsoAction, saveSsoAction } from '@/app/(app)/settings/single-sign-on/actions';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { SsoView } from '@/lib/sso/manage-sso';

export interface SsoOrganisation {
  slug: string;
  name: string;
  sso: SsoView | null;
}

const ROLE_OPTIONS = (['viewer', 'partner', 'comms_officer', 'campaign_lead'] as const).map(
  (role) => ({ value: role, label: ROLE_LABELS[role] }),
);

type Result =
  { ok: true; message: string } | { ok: false; error: string; fields?: Record<string, string> };

/** "domains.1" is shown on the domains field. */
function fieldErrors(fields: Record<string, string> = {}): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path.split('.')[0] ?? path;
    shown[field] = shown[field] ? `${shown[field]} ${message}` : message;
  }
  return shown;
}

function SsoDialog({ organisation }: { organisation: SsoOrganisation }) {
  const router = useRouter();
  const existing = organisation.sso;
  const [opened, setOpened] = useState(false);
  const [issuer, setIssuer] = useState(existing?.issuer ?? '');
  const [clientId, setClientId] = useState(existing?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(existing?.domains.join(', ') ?? '');
  const [defaultRole, setDefaultRole] = useState<string | null>(existing?.defaultRole ?? 'viewer');
  const [passwordSignIn, setPasswordSignIn] = useState(existing?.passwordSignIn ?? true);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setOpened(false);
    setFields({});
    setError(null);
    setClientSecret('');
  };
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setFields(fieldErrors(result.fields));
        setError(result.error);
        return;
      }
      notifications.show({ color: 'green', message: result.message });
      close();
      router.refresh();
    });
  const label = existing
    ? `Change ${organisation.name}’s single sign-on`
    : `Set up single sign-on for ${organisation.name}`;
  return (
    <>
      <Button
        variant={existing ? 'default' : 'filled'}
        onClick={() => setOpened(true)}
        styles={{
          root: { height: 'auto', minHeight: 36, paddingBlock: 8 },
          label: { whiteSpace: 'normal', lineHeight: 1.35 },
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={label}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(() =>
              saveSsoAction(organisation.slug, {
                issuer,
                clientId,
                clientSecret: clientSecret === '' ? undefined : clientSecret,
                domains: domains
                  .split(/[\s,]+/)
                  .map((domain) => domain.trim())
                  .filter(Boolean),
                defaultRole: (defaultRole ?? 'viewer') as SsoView['defaultRole'],
                passwordSignIn,
              }),
            );
          }}
        >
          <Stack gap="md">
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Issuer"
              description="For Microsoft Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0"
              value={issuer}
              onChange={(event) => setIssuer(event.currentTarget.value)}
              error={fields.issuer}
              required
              maxLength={500}
            />
            <TextInput
              label="Application (client) id"
              value={clientId}
              onChange={(event) => setClientId(event.currentTarget.value)}
              error={fields.clientId}
              required
              maxLength={200}
            />
            <PasswordInput
              label="Client secret"
              description={
                existing
                  ? 'Stored sealed and never shown again. Leave empty to keep the current one.'
                  : 'Stored sealed and never shown again.'
              }
              value={clientSecret}
              onChange={(event) => setClientSecret(event.currentTarget.value)}
              error={fields.clientSecret}
              required={!existing}
              autoComplete="off"
              maxLength={1000}
            />
            <TextInput
              label="Email domains"
              description="The domains of its people’s email addresses, separated by commas, such as lancashire.police.uk"
              value={domains}
              onChange={(event) => setDomains(event.currentTarget.value)}
              error={fields.domains}
              required
            />
            <Select
              label="Role at first sign-in"
              description="Someone signing in for the first time becomes a member at this role. Never administrator."
              data={ROLE_OPTIONS}
              value={defaultRole}
              onChange={setDefaultRole}
              error={fields.defaultRole}
              allowDeselect={false}
            />
            <Checkbox
              label="Members may also sign in with a password"
              description="Untick to refuse password sign-in to this organisation’s members: only single sign-on then works for them."
              checked={passwordSignIn}
              onChange={(event) => setPasswordSignIn(event.currentTarget.checked)}
            />
            <Group justify="space-between" wrap="wrap" gap="xs">
              {existing ? (
                <Button
                  color="red"
                  variant="light"
                  loading={pending}
                  onClick={() => run(() => removeSsoAction(organisation.slug))}
                >
                  Remove single sign-on
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" loading={pending}>
                  Save
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function SingleSignOn({ organisations }: { organisations: SsoOrganisation[] }) {
  return (
    <Stack gap="md">
      {organisations.map((organisation) => (
        <Paper key={organisation.slug} withBorder p="lg">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <div>
                <Title order={2} size="h4">
                  {organisation.name}
                </Title>
                {organisation.sso ? (
                  <Group gap="xs" mt={4}>
                    <Badge color="green" variant="light">
                      Single sign-on
                    </Badge>
                    {!organisation.sso.passwordSignIn && (
                      <Badge color="gray" variant="light">
                        Passwords off
                      </Badge>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="gray.7">
                    Signs in with passwords only.
                  </Text>
                )}
              </div>
              <SsoDialog organisation={organisation} />
            </Group>
            {organisation.sso && (
              <Stack gap={4}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  Issuer: {organisation.sso.issuer}
                </Text>
                <Text size="sm">Email domains: {organisation.sso.domains.join(', ')}</Text>
                <Text size="sm">
                  First sign-in: {ROLE_LABELS[organisation.sso.defaultRole]}
                  {organisation.sso.passwordSignIn ? '' : '; password sign-in is turned off'}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  Redirect URI to register with the identity provider:{' '}
                  <Code>{organisation.sso.redirectUri}</Code>
                </Text>
              </Stack>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
