'use client';

// A person's own sessions: device, when signed in and last used, which is this one, and signing
// any of them out (this one too: the next page load then asks to sign in).
import { Badge, Button, Table, TableScrollContainer, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { revokeSessionAction } from '@/app/(app)/settings/security/actions';
import { formatDateTime } from '@/components/format';

export interface OwnSessionRow {
  id: string;
  device: string;
  ipAddress: string | null;
  signedInAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

function SignOut({ session }: { session: OwnSessionRow }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      loading={pending}
      aria-label={`Sign out ${session.current ? 'this session' : `the session on ${session.device}`}`}
      onClick={() =>
        startTransition(async () => {
          const result = await revokeSessionAction(session.id);
          notifications.show({
            color: result.ok ? 'green' : 'red',
            message: result.ok ? result.message : result.error,
          });
          router.refresh();
        })
      }
    >
      Sign out
    </Button>
  );
}

export function OwnSessions({ sessions }: { sessions: OwnSessionRow[] }) {
  if (sessions.length === 0)
    return (
      <Text size="sm" c="gray.7">
        No browser sessions: you are using an API token.
      </Text>
    );
  return (
    <TableScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                {session.device}{' '}
                {session.current && (
                  <Badge variant="light" ml={4}>
                    This session
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(session.signedInAt)}</Table.Td>
              <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
              <Table.Td>{session.ipAddress ?? '—'}</Table.Td>
              <Table.Td>
                <SignOut session={session} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollContainer>
  );
}
