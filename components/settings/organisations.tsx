'use client';

// Settings → Organisations: every organisation with its kind, area and state; adding one,
// changing its name or area, and deactivating it (saying first how many posts will be held) or
// reactivating it.
import {
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
import { IconPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  createOrganisationAction,
  updateOrganisationAction,
} from '@/app/(app)/settings/organisations/actions';
import { suggestOrganisationSlug } from '@/lib/organisations/organisation-slug';

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  kind: 'force' | 'regional_unit' | 'partner';
  area: string;
  active: boolean;
  scheduledPosts: number;
}

const KIND_LABELS = { force: 'Force', regional_unit: 'Regional unit', partner: 'Partner' } as const;
const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

type Result =
  { ok: true; message: string } | { ok: false; error: string; fields?: Record<string, string> };

function useSubmit() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (run: () => Promise<Result>, done: () => void) =>
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        setFields(result.fields ?? {});
        setError(result.error);
        return;
      }
      setFields({});
      setError(null);
      notifications.show({ color: 'green', message: result.message });
      done();
      router.refresh();
    });
  const reset = () => {
    setFields({});
    setError(null);
  };
  return { pending, fields, error, submit, reset };
}

function AddOrganisation() {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [kind, setKind] = useState<string | null>('force');
  const [area, setArea] = useState('');
  const { pending, fields, error, submit, reset } = useSubmit();
  const close = () => {
    setOpened(false);
    reset();
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpened(true)}>
        Add an organisation
      </Button>
      <Modal opened={opened} onClose={close} title="Add an organisation">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(
              () => createOrganisationAction({ name, slug, kind, area }),
              () => {
                setName('');
                setSlug('');
                setSlugEdited(false);
                setArea('');
                close();
              },
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
              label="Name"
              placeholder="West Yorkshire Police"
              value={name}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setName(value);
                if (!slugEdited) setSlug(value.trim() ? suggestOrganisationSlug(value) : '');
              }}
              error={fields.name}
              required
              maxLength={120}
            />
            <TextInput
              label="Slug"
              description="In links, API filters and CSV imports. It cannot be changed later."
              value={slug}
              onChange={(event) => {
                setSlug(event.currentTarget.value);
                setSlugEdited(true);
              }}
              error={fields.slug}
              required
              maxLength={60}
            />
            <Select
              label="Kind"
              description="Forces and regional units are in every default fan-out; partners choose what they share."
              data={KIND_OPTIONS}
              value={kind}
              onChange={setKind}
              error={fields.kind}
              allowDeselect={false}
              required
            />
            <TextInput
              label="Area"
              description="Fills {area} in messages, and matches help-seeking figures."
              placeholder="West Yorkshire"
              value={area}
              onChange={(event) => setArea(event.currentTarget.value)}
              error={fields.area}
              required
              maxLength={120}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Add the organisation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function EditOrganisation({ organisation }: { organisation: OrganisationRow }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(organisation.name);
  const [area, setArea] = useState(organisation.area);
  const { pending, fields, error, submit, reset } = useSubmit();
  const close = () => {
    setOpened(false);
    reset();
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setOpened(true)}
        aria-label={`Edit ${organisation.name}`}
      >
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${organisation.name}`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(() => updateOrganisationAction(organisation.slug, { name, area }), close);
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
              label="Area"
              value={area}
              onChange={(event) => setArea(event.currentTarget.value)}
              error={fields.area}
              required
              maxLength={120}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={pending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ToggleOrganisation({ organisation }: { organisation: OrganisationRow }) {
  const [opened, setOpened] = useState(false);
  const { pending, error, submit, reset } = useSubmit();
  const close = () => {
    setOpened(false);
    reset();
  };
  const deactivating = organisation.active;
  const count = organisation.scheduledPosts;
  const verb = deactivating ? 'Deactivate' : 'Reactivate';
  return (
    <>
      <Button
        size="xs"
        variant={deactivating ? 'light' : 'default'}
        color={deactivating ? 'red' : undefined}
        onClick={() => setOpened(true)}
        aria-label={`${verb} ${organisation.name}`}
      >
        {verb}
      </Button>
      <Modal opened={opened} onClose={close} title={`${verb} ${organisation.name}?`}>
        <Stack gap="md">
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Text size="sm">
            {deactivating
              ? `${count === 0 ? 'No scheduled posts' : count === 1 ? 'Its one scheduled post' : `Its ${count} scheduled posts`} will be held, and nothing more will be published for ${organisation.name}. It leaves every picker and default fan-out; its history stays.`
              : `${organisation.name} returns to the pickers and default fan-outs. Its held posts stay held until someone releases or reschedules them on the Schedule page.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={deactivating ? 'red' : undefined}
              loading={pending}
              onClick={() =>
                submit(
                  () => updateOrganisationAction(organisation.slug, { active: !deactivating }),
                  close,
                )
              }
            >
              {deactivating
                ? `Deactivate and hold ${count} post${count === 1 ? '' : 's'}`
                : 'Reactivate'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function Organisations({ organisations }: { organisations: OrganisationRow[] }) {
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Text size="sm" c="gray.7">
          {organisations.filter((o) => o.active).length} active of {organisations.length}
        </Text>
        <AddOrganisation />
      </Group>
      <TableScrollContainer minWidth={720}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Slug</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Area</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.map((organisation) => (
              <Table.Tr key={organisation.id}>
                <Table.Td fw={600}>{organisation.name}</Table.Td>
                <Table.Td>{organisation.slug}</Table.Td>
                <Table.Td>{KIND_LABELS[organisation.kind]}</Table.Td>
                <Table.Td>{organisation.area}</Table.Td>
                <Table.Td>
                  <Badge
                    color={organisation.active ? 'green' : 'gray'}
                    variant="dot"
                    miw="max-content"
                  >
                    {organisation.active ? 'Active' : 'Deactivated'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <EditOrganisation organisation={organisation} />
                    <ToggleOrganisation organisation={organisation} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollContainer>
    </Paper>
  );
}
