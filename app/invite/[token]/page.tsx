import { Alert, Anchor, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { Wordmark } from '@/components/shell/wordmark';
import { findInvitation } from '@/lib/people/accept-invitation';
import { ssoForEmail } from '@/lib/sso/find-sso';

export const metadata: Metadata = { title: 'Set your password' };

const NOT_VALID = {
  used: 'This invitation has already been used. Sign in with the password you set.',
  expired: 'This invitation has expired. Ask an administrator to invite you again.',
  unknown:
    'This invitation link is not valid. Check that you copied all of it, or ask an administrator to invite you again.',
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findInvitation(token) : null;
  const problem = !invitation ? 'unknown' : invitation.state === 'valid' ? null : invitation.state;
  // An organisation with single sign-on: accepting is signing in through it (sso-people.ts).
  const sso = invitation && !problem ? await ssoForEmail(invitation.email) : null;
  const ssoHref =
    invitation && `/sign-in/sso?${new URLSearchParams({ email: invitation.email, next: '/' })}`;
  return (
    <Center component="main" id="main" mih="100vh" bg="gray.0" p="md">
      <Stack w={460} gap="lg">
        <Stack gap={4} align="center">
          <Wordmark size="lg" />
        </Stack>
        <Paper withBorder shadow="sm" p="xl">
          <Title order={1} size="h3" mb="md">
            Set your password
          </Title>
          {problem || !invitation ? (
            <Stack gap="md">
              <Alert color="orange" variant="light" title="This link does not work">
                {NOT_VALID[problem ?? 'unknown']}
              </Alert>
              <Anchor href="/sign-in">Go to sign in</Anchor>
            </Stack>
          ) : (
            <Stack gap="md">
              {sso && ssoHref && (
                <>
                  <Text size="sm">
                    Welcome to Signpost, {invitation.name}. {sso.organisationName} signs its people
                    in through its own single sign-on: accept by signing in as{' '}
                    <strong>{invitation.email}</strong>.
                  </Text>
                  <Button
                    component="a"
                    href={ssoHref}
                    fullWidth
                    size="md"
                    styles={{
                      root: { height: 'auto', minHeight: 42, paddingBlock: 8 },
                      label: { whiteSpace: 'normal', lineHeight: 1.35 },
                    }}
                  >
                    {`Accept with ${sso.organisationName}’s single sign-on`}
                  </Button>
                </>
              )}
              {sso && !sso.passwordSignIn ? null : (
                <>
                  {sso && <Divider label="or set a password" labelPosition="center" />}
                  <Text size="sm">
                    {sso ? '' : `Welcome to Signpost, ${invitation.name}. `}Choose a password for{' '}
                    <strong>{invitation.email}</strong>; you will be signed in straight away.
                  </Text>
                  <AcceptInvitationForm
                    token={token}
                    email={invitation.email}
                    name={invitation.name}
                  />
                </>
              )}
            </Stack>
          )}
        </Paper>
      </Stack>
    </Center>
  );
}
