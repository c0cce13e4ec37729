'use client';

import {
  Avatar,
  Badge,
  Group,
  Menu,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { chooseOrganisation, signOut } from '@/app/(app)/actions';

export interface AccountMenuProps {
  name: string;
  email: string;
  active: { slug: string; name: string; roleLabel: string } | null;
  memberships: { slug: string; name: string; roleLabel: string }[];
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

export function AccountMenu({ name, email, active, memberships }: AccountMenuProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const switchTo = (slug: string) =>
    startTransition(async () => {
      await chooseOrganisation(slug);
      router.refresh();
    });

  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        {/* Named by what it shows (WCAG 2.5.3: a speech user says the words they see), and by
            what it is for the screen-reader user, in words no one sees. */}
        <UnstyledButton data-testid="account-menu">
          <VisuallyHidden>Account menu, {name}: </VisuallyHidden>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.2} data-testid="active-organisation">
                {active?.name ?? 'No organisation'}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="active-role">
                {active?.roleLabel ?? ''}
              </Text>
            </Stack>
            <Avatar color="signpost" radius="xl" size={34} aria-hidden>
              {initials(name)}
            </Avatar>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {name}
          </Text>
          <Text size="xs">{email}</Text>
        </Menu.Label>
        {memberships.length > 1 && (
          <>
            <Menu.Divider />
            <Menu.Label>Acting for</Menu.Label>
            {memberships.map((membership) => (
              <Menu.Item
                key={membership.slug}
                disabled={pending}
                onClick={() => switchTo(membership.slug)}
                leftSection={
                  membership.slug === active?.slug ? (
                    <IconCheck size={14} />
                  ) : (
                    <span style={{ width: 14 }} />
                  )
                }
                rightSection={
                  <Badge size="xs" variant="light">
                    {membership.roleLabel}
                  </Badge>
                }
              >
                {membership.name}
              </Menu.Item>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item component={Link} href="/settings" leftSection={<IconSettings size={14} />}>
          Settings and API tokens
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={14} />}
          onClick={() => startTransition(() => signOut())}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
