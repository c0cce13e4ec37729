'use client';

import { Button } from '@mantine/core';
import { IconCalendarMonth, IconList } from '@tabler/icons-react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';

/** The filters both the list and the calendar read from the address, kept when switching. */
const SHARED = ['organisation', 'platform', 'campaign', 'view'] as const;

/** "List | Calendar": the same posts, the same filters, two ways of looking at them. */
export function ScheduleSwitch({ current }: { current: 'list' | 'calendar' }) {
  const search = useSearchParams();
  const href = (path: string) => {
    const params = new URLSearchParams();
    for (const name of SHARED) {
      const value = search.get(name);
      if (value) params.set(name, value);
    }
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  const item = (kind: 'list' | 'calendar', label: string, path: string, icon: React.ReactNode) => (
    <Button
      component={Link}
      href={href(path)}
      variant={current === kind ? 'filled' : 'default'}
      leftSection={icon}
      aria-current={current === kind ? 'page' : undefined}
      data-testid={`switch-${kind}`}
    >
      {label}
    </Button>
  );
  return (
    <nav aria-label="Schedule views">
      <Button.Group>
        {item('list', 'List', '/schedule', <IconList size={16} aria-hidden />)}
        {item(
          'calendar',
          'Calendar',
          '/schedule/calendar',
          <IconCalendarMonth size={16} aria-hidden />,
        )}
      </Button.Group>
    </nav>
  );
}
