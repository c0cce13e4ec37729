import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { Wordmark } from '@/components/shell/wordmark';
import { findInvitation } from '@/lib/people/accept-invitation';

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
              <Text size="sm">
                Welcome to Signpost, {invitation.name}. Choose a password for{' '}
                <strong>{invitation.email}</strong>; you will be signed in straight away.
              </Text>
              <AcceptInvitationForm token={token} email={invitation.email} name={invitation.name} />
            </Stack>
          )}
        </Paper>
      </Stack>
    </Center>
  );
}
