import {
  Anchor,
  Box,
  Center,
  Code,
  Paper,
  Stack,
  Table,
  TableTbody,
  TableTd,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Wordmark } from '@/components/shell/wordmark';
import { currentActor } from '@/lib/auth/session-actor';
import { demoEnabled, env } from '@/lib/env';
import { ssoErrorMessage } from '@/lib/sso/sso-errors';

export const metadata: Metadata = { title: 'Sign in' };

const DEMO_SIGN_INS = [
  ['lead@nw-rocu.example', 'Campaign lead (NW ROCU)'],
  ['lead2@nw-rocu.example', 'Second campaign lead, for four-eyes approval'],
  ['comms@lancashire.example', 'Comms officer, Lancashire Constabulary'],
  ['partner@manchester-city-council.example', 'Partner, Manchester City Council'],
  ['viewer@cumbria.example', 'Viewer, two organisations'],
  ['admin@nw-rocu.example', 'Administrator'],
] as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; error_description?: string }>;
}) {
  if (await currentActor()) redirect('/');
  const { next, error } = await searchParams;
  return (
    <Center component="main" id="main" mih="100vh" bg="gray.0" p="md">
      <Stack w={420} gap="lg">
        <Stack gap={4} align="center">
          <Wordmark size="lg" />
          <Text c="dimmed" ta="center" size="sm">
            Campaign scheduling for the North West forces, NW ROCU and their partners
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl">
          <Title order={1} size="h3" mb="md">
            Sign in
          </Title>
          <SignInForm next={next ?? '/'} ssoError={ssoErrorMessage(error)} />
        </Paper>
        {demoEnabled() && (
          <Paper withBorder p="md" bg="yellow.0">
            <Text fw={600} size="sm">
              Demo accounts (development only)
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              Password for all: <Code>{env().DEMO_PASSWORD}</Code>
            </Text>
            <Table fz="xs" verticalSpacing={2}>
              <TableTbody>
                {DEMO_SIGN_INS.map(([email, who]) => (
                  <TableTr key={email}>
                    <TableTd>
                      <Code>{email}</Code>
                    </TableTd>
                    <TableTd c="dimmed">{who}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </Paper>
        )}
        <Box ta="center">
          <Text size="xs" c="dimmed">
            Worried about your own or someone else’s behaviour online? The Stop it Now! helpline is
            confidential and anonymous: <Anchor href="tel:08081000900">0808 1000 900</Anchor>.
          </Text>
        </Box>
      </Stack>
    </Center>
  );
}
