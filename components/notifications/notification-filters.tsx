'use client';

// The notifications page's filters, in the address (so a filtered list can be bookmarked): read
// or unread, and the kind.
import { Group, Paper, SegmentedControl, Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { NOTIFICATION_KIND_NAMES } from '@/lib/notifications/kinds';
import type { ReadFilter } from '@/lib/notifications/read-filter';
import { KIND_STYLES } from './kind-style';

export function NotificationFilters({ show, kind }: { show: ReadFilter; kind: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(search);
    // A cursor belongs to one list: a new filter starts at its first page.
    params.delete('cursor');
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  };
  return (
    <Paper withBorder p="sm">
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(value) => set({ show: value === 'all' ? null : value })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: 'Unread' },
            { value: 'read', label: 'Read' },
          ]}
        />
        <Select
          label="Kind"
          placeholder="Every kind"
          data={NOTIFICATION_KIND_NAMES.map((name) => ({
            value: name,
            label: KIND_STYLES[name].name,
          }))}
          value={kind}
          onChange={(value) => set({ kind: value })}
          clearable
          w={260}
          maw="100%"
        />
      </Group>
    </Paper>
  );
}
