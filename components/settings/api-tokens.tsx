'use client';

import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useActionState, useTransition } from 'react';
import { createToken, revokeToken, type TokenFormState } from '@/app/(app)/settings/actions';
import { formatDateTime } from '@/components/format';
import { ShownOnceValue } from './shown-once-value';

export interface TokenRow {
  id: string;
  label: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

const TOKEN_STATE = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'orange' },
  revoked: { label: 'Revoked', color: 'gray' },
} as const;

function tokenState(token: TokenRow) {
  const { label, color } = TOKEN_STATE[token.state];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const [state, action, pending] = useActionState<TokenFormState, FormData>(createToken, {
    error: null,
    token: null,
    expiresAt: null,
  });
  const [revoking, startRevoke] = useTransition();
  return (
    <Stack gap="md">
      <form action={action}>
        <Group align="flex-end" gap="sm">
          <TextInput
            name="label"
            label="New token"
            placeholder="Reporting script"
            error={state.error}
            w={280}
          />
          <Button type="submit" loading={pending} leftSection={<IconKey size={16} />}>
            Create token
          </Button>
        </Group>
      </form>
      {state.token && (
        <Alert
          color="green"
          variant="light"
          title="Copy your token now: it will not be shown again"
        >
          <ShownOnceValue value={state.token} testId="new-token" />
        </Alert>
      )}
      {tokens.length === 0 ? (
        <Text size="sm" c="dimmed">
          You have no API tokens. Tokens let your own tools use the Signpost API as you.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.label}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}
                  </Table.Td>
                  <Table.Td>{tokenState(token)}</Table.Td>
                  <Table.Td>
                    {!token.revokedAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={revoking}
                        onClick={() =>
                          startRevoke(async () => {
                            const result = await revokeToken(token.id);
                            notifications.show(
                              result.error
                                ? { color: 'red', message: result.error }
                                : { color: 'green', message: `Token “${token.label}” revoked.` },
                            );
                          })
                        }
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
