'use client';

import { AppShell, Badge, Box, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconBroadcast,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconClockPlus,
  IconHistory,
  IconBuildingCommunity,
  IconLayoutDashboard,
  IconSettings,
  IconShare,
  IconSpeakerphone,
  IconUsers,
  IconCircleCheck,
} from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import type { NavItem } from '@/lib/auth/navigation';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { NotificationFeed } from '@/components/notifications/use-notification-feed';
import { AccountMenu, type AccountMenuProps } from './account-menu';
import { SkipLink } from './skip-link';
import { Wordmark } from './wordmark';

const ICONS: Record<NavItem['icon'], ReactNode> = {
  dashboard: <IconLayoutDashboard size={18} stroke={1.6} />,
  campaigns: <IconSpeakerphone size={18} stroke={1.6} />,
  schedule: <IconCalendarEvent size={18} stroke={1.6} />,
  ready: <IconClockPlus size={18} stroke={1.6} />,
  approvals: <IconChecklist size={18} stroke={1.6} />,
  reach: <IconChartBar size={18} stroke={1.6} />,
  amplification: <IconBroadcast size={18} stroke={1.6} />,
  audit: <IconHistory size={18} stroke={1.6} />,
  notifications: <IconBell size={18} stroke={1.6} />,
  people: <IconUsers size={18} stroke={1.6} />,
  organisations: <IconBuildingCommunity size={18} stroke={1.6} />,
  settings: <IconSettings size={18} stroke={1.6} />,
  share: <IconShare size={18} stroke={1.6} />,
  shared: <IconCircleCheck size={18} stroke={1.6} />,
};

export interface AppFrameProps {
  navigation: NavItem[];
  /** Counts shown beside navigation items, by href (e.g. messages waiting for approval). */
  counts: Record<string, number>;
  account: AccountMenuProps;
  /** The bell's first view: the latest few and the unread count; it keeps itself current. */
  notifications: NotificationFeed;
  banner: ReactNode;
  children: ReactNode;
}

const matches = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

/** The most specific item the page is under: /settings/people is People's, not Settings'. */
const isActive = (pathname: string, href: string, navigation: readonly NavItem[]) =>
  matches(pathname, href) &&
  !navigation.some((other) => other.href.length > href.length && matches(pathname, other.href));

export function AppFrame({
  navigation,
  counts,
  account,
  notifications,
  banner,
  children,
}: AppFrameProps) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = usePathname();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Open navigation"
            />
            <Link
              href="/"
              style={{ textDecoration: 'none', color: 'inherit' }}
              aria-label="Signpost dashboard"
            >
              <Wordmark />
            </Link>
            <Text size="sm" c="dimmed" visibleFrom="md">
              North West child-protection campaign
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell initial={notifications} />
            <AccountMenu {...account} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea>
          {navigation.map((item) => (
            <NavLink
              key={item.href}
              component={Link}
              href={item.href}
              label={item.label}
              leftSection={ICONS[item.icon]}
              active={isActive(pathname, item.href, navigation)}
              onClick={close}
              rightSection={
                counts[item.href] ? (
                  <Badge
                    size="sm"
                    variant="filled"
                    circle
                    aria-label={`${counts[item.href]} waiting`}
                  >
                    {counts[item.href]}
                  </Badge>
                ) : null
              }
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              fw={500}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      {/* tabIndex -1: the skip link moves keyboard focus here, not only the scroll position. */}
      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        {banner}
        <Box maw={1280} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
