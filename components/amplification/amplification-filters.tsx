'use client';

import { Group, Paper, Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';

interface Option {
  value: string;
  label: string;
}

/** Campaign and week, kept in the address so a lead can bookmark and pass on the view. */
export function AmplificationFilters({
  campaign,
  week,
  campaigns,
  weeks,
}: {
  campaign: string | null;
  week: string;
  campaigns: Option[];
  weeks: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  };
  return (
    <Paper withBorder p="sm" aria-busy={pending} data-testid="amplification-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Campaign"
          data={campaigns}
          value={campaign}
          // A new campaign has weeks of its own: start from its latest.
          onChange={(value) => set({ campaign: value, week: null })}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label="Week"
          data={weeks}
          value={week}
          onChange={(value) => set({ week: value })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', xs: 340 }}
        />
      </Group>
    </Paper>
  );
}
