'use client';

// Settings → People: everyone with their roles and state; inviting a person (the link shown once,
// with a copy button, besides the email), changing their roles, deactivating or reactivating them.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  TableScrollContainer,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { invitePersonAction, updatePersonAction } from '@/app/(app)/settings/people/actions';
import type { PersonView } from '@/lib/people/person-view';
import { ShownOnceValue } from './shown-once-value';

interface Choice {
  value: string;
  label: string;
}

interface MembershipDraft {
  organisation: string | null;
  role: string | null;
}

const STATUS = {
  invited: { label: 'Invited', color: 'blue' },
  active: { label: 'Active', color: 'green' },
  deactivated: { label: 'Deactivated', color: 'gray' },
} as const;

type Refusal = { ok: false; error: string; fields?: Record<string, string> };

function MembershipsEditor({
  memberships,
  onChange,
  organisations,
  roles,
  fields,
}: {
  memberships: MembershipDraft[];
  onChange: (memberships: MembershipDraft[]) => void;
  organisations: Choice[];
  roles: Choice[];
  fields: Record<string, string>;
}) {
  const set = (index: number, change: Partial<MembershipDraft>) =>
    onChange(memberships.map((m, i) => (i === index ? { ...m, ...change } : m)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Roles
      </Text>
      {fields.memberships && (
        <Text size="sm" c="red.8">
          {fields.memberships}
        </Text>
      )}
      {memberships.map((membership, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            label={`Organisation ${index + 1}`}
            data={organisations}
            value={membership.organisation}
            onChange={(organisation) => set(index, { organisation })}
            error={fields[`memberships.${index}.organisation`]}
            searchable
            style={{ flex: 2 }}
          />
          <Select
            label={`Role ${index + 1}`}
            data={roles}
            value={membership.role}
            onChange={(role) => set(index, { role })}
            error={fields[`memberships.${index}.role`]}
            allowDeselect={false}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={26}
            size="lg"
            aria-label={`Remove role ${index + 1}`}
            disabled={memberships.length === 1}
            onClick={() => onChange(memberships.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...memberships, { organisation: null, role: 'viewer' }])}
        >
          Add a role in another organisation
        </Button>
      </Group>
    </Stack>
  );
}

function InviteLink({ link, onClose }: { link: string | null; onClose: () => void }) {
  return (
    <Modal opened={link !== null} onClose={onClose} title="Invitation sent" size="lg">
      <Stack gap="md">
        <Alert color="orange" variant="light" title="This link is shown once">
          It has been emailed too. If the email does not arrive, send the person this link yourself:
          it works once, for 7 days.
        </Alert>
        <ShownOnceValue value={link ?? ''} testId="invite-link" copyLabel="Copy the link" />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InvitePerson({ organisations, roles }: { organisations: Choice[]; roles: Choice[] }) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [memberships, setMemberships] = useState<MembershipDraft[]>([
    { organisation: null, role: 'viewer' },
  ]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setOpened(false);
    setFields({});
    setError(null);
  };
  const submit = () =>
    startTransition(async () => {
      const result = await invitePersonAction({ email, name, memberships });
      if (!result.ok) {
        setFields(result.fields ?? {});
        setError(result.error);
        return;
      }
      notifications.show({
        color: result.value.emailed ? 'green' : 'orange',
        message: result.message,
      });
      setEmail('');
      setName('');
      setMemberships([{ organisation: null, role: 'viewer' }]);
      close();
      setLink(result.value.inviteUrl);
      router.refresh();
    });
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} />} onClick={() => setOpened(true)}>
        Invite a person
      </Button>
      <Modal opened={opened} onClose={close} title="Invite a person" size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fields.name}
              required
              maxLength={120}
            />
            <TextInput
              label="Email"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fields.email}
              required
              maxLength={320}
            />
            <MembershipsEditor
              memberships={memberships}
              onChange={setMemberships}
              organisations={organisations}
              roles={roles}
              fields={fields}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Send the invitation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <InviteLink link={link} onClose={() => setLink(null)} />
    </>
  );
}

function usePersonChange(person: PersonView, onDone: () => void) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const run = (request: Parameters<typeof updatePersonAction>[1]) =>
    startTransition(async () => {
      const result = await updatePersonAction(person.id, request);
      if (!result.ok) {
        setRefusal(result);
        return;
      }
      setRefusal(null);
      notifications.show({ color: 'green', message: result.message });
      onDone();
      router.refresh();
    });
  return { pending, refusal, run, clear: () => setRefusal(null) };
}

function ChangeRoles({
  person,
  organisations,
  roles,
}: {
  person: PersonView;
  organisations: Choice[];
  roles: Choice[];
}) {
  const [opened, setOpened] = useState(false);
  const initial = () =>
    person.memberships.map((m) => ({ organisation: m.organisation.slug, role: m.role }));
  const [memberships, setMemberships] = useState<MembershipDraft[]>(initial);
  const close = () => setOpened(false);
  const change = usePersonChange(person, close);
  // A deactivated organisation the person still belongs to stays choosable in their own rows.
  const choices = [
    ...organisations,
    ...person.memberships
      .filter((m) => !organisations.some((o) => o.value === m.organisation.slug))
      .map((m) => ({ value: m.organisation.slug, label: m.organisation.name })),
  ];
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={`Change roles of ${person.name}`}
        onClick={() => {
          setMemberships(initial());
          change.clear();
          setOpened(true);
        }}
      >
        Change roles
      </Button>
      <Modal opened={opened} onClose={close} title={`Roles of ${person.name}`} size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            change.run({ memberships });
          }}
        >
          <Stack gap="md">
            {change.refusal && (
              <Alert color="red" variant="light" role="alert">
                {change.refusal.error}
              </Alert>
            )}
            <MembershipsEditor
              memberships={memberships}
              onChange={setMemberships}
              organisations={choices}
              roles={roles}
              fields={change.refusal?.fields ?? {}}
            />
            <Text size="sm" c="gray.7">
              The new roles apply from {person.name}’s next click or API call.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={change.pending}>
                Save the roles
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function TogglePerson({ person }: { person: PersonView }) {
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  const change = usePersonChange(person, close);
  const deactivating = person.active;
  const verb = deactivating ? 'Deactivate' : 'Reactivate';
  return (
    <>
      <Button
        size="xs"
        variant={deactivating ? 'light' : 'default'}
        color={deactivating ? 'red' : undefined}
        aria-label={`${verb} ${person.name}`}
        onClick={() => {
          change.clear();
          setOpened(true);
        }}
      >
        {verb}
      </Button>
      <Modal opened={opened} onClose={close} title={`${verb} ${person.name}?`}>
        <Stack gap="md">
          {change.refusal && (
            <Alert color="red" variant="light" role="alert">
              {change.refusal.error}
            </Alert>
          )}
          <Text size="sm">
            {deactivating
              ? `${person.name} is signed out everywhere at once, their API tokens stop working, and they cannot sign in again until reactivated.`
              : `${person.name} can sign in again with their password. Their old API tokens stay revoked.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={deactivating ? 'red' : undefined}
              loading={change.pending}
              onClick={() => change.run({ active: !deactivating })}
            >
              {deactivating ? `Deactivate ${person.name}` : `Reactivate ${person.name}`}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function People({
  people,
  selfId,
  organisations,
  roles,
}: {
  people: PersonView[];
  selfId: string;
  organisations: Choice[];
  roles: Choice[];
}) {
  const roleLabel = new Map(roles.map((role) => [role.value, role.label]));
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Text size="sm" c="gray.7">
          {people.filter((person) => person.active).length} active of {people.length}
        </Text>
        <InvitePerson organisations={organisations} roles={roles} />
      </Group>
      <TableScrollContainer minWidth={760}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id} data-testid={`person-${person.email}`}>
                <Table.Td>
                  <Text component="div" fw={600} size="sm">
                    {person.name}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {person.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {person.memberships.map((membership) => (
                      <Text size="sm" key={membership.organisation.id}>
                        {roleLabel.get(membership.role) ?? membership.role},{' '}
                        {membership.organisation.name}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS[person.status].color} variant="dot" miw="max-content">
                    {STATUS[person.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {person.id === selfId ? (
                    <Text size="xs" c="gray.7">
                      You
                    </Text>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <ChangeRoles person={person} organisations={organisations} roles={roles} />
                      <TogglePerson person={person} />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
    </Paper>
  );
}
