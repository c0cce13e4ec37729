'use client';

import { Button, Group, Paper, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { platformLabel } from '@/components/platform-badge';
import { SearchBox } from '@/components/search/search-box';
import { PLATFORMS } from '@/lib/platforms/types';

export interface ScheduleFilterValues {
  organisation?: string;
  platform?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  /** Words in the post's text or its message's title. */
  q?: string;
}

export function ScheduleFilters({
  organisations,
  campaigns,
  values,
  withDates = true,
  children,
}: {
  organisations: { slug: string; name: string }[];
  campaigns: { id: string; name: string }[];
  values: ScheduleFilterValues;
  /** The calendar moves through dates itself, so it leaves the date range out. */
  withDates?: boolean;
  /** Further filters of the page (the calendar's status), in the same row. */
  children?: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(search);
    // New filters start again from the first page.
    params.delete('cursor');
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const filtered = Object.values(values).some(Boolean);
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchBox
          key={values.q ?? ''}
          value={values.q}
          label="Search posts"
          placeholder="Words in the text or title"
          w={260}
        />
        {organisations.length > 1 && (
          <Select
            label="Organisation"
            placeholder="All"
            data={organisations.map((organisation) => ({
              value: organisation.slug,
              label: organisation.name,
            }))}
            value={values.organisation ?? null}
            onChange={(value) => set({ organisation: value })}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the organisation filter' }}
            searchable
            w={240}
          />
        )}
        <Select
          label="Platform"
          placeholder="All"
          data={PLATFORMS.map((platform) => ({ value: platform, label: platformLabel(platform) }))}
          value={values.platform ?? null}
          onChange={(value) => set({ platform: value })}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the platform filter' }}
          w={160}
        />
        <Select
          label="Campaign"
          placeholder="All"
          data={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          value={values.campaignId ?? null}
          onChange={(value) => set({ campaign: value })}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the campaign filter' }}
          w={240}
        />
        {children}
        {withDates && (
          <DatePickerInput
            type="range"
            label="Dates"
            placeholder="Any time"
            value={[values.from ?? null, values.to ?? null]}
            onChange={([from, to]) => set({ from: from ?? null, to: to ?? null })}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the dates' }}
            valueFormat="D MMM YYYY"
            w={260}
          />
        )}
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} />}
            onClick={() =>
              set({
                organisation: null,
                platform: null,
                campaign: null,
                from: null,
                to: null,
                q: null,
              })
            }
          >
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
