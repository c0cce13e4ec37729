'use client';

import { Chip, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { PRESET_LABELS, PERIOD_PRESETS } from '@/lib/reach/reach-period';

interface Option {
  value: string;
  label: string;
}

export interface ReachFilterValues {
  campaign: string | null;
  period: string;
  from: string;
  to: string;
  organisation: string | null;
  platform: string | null;
  theme: string | null;
}

/** The Reach page's filters. They live in the address, so a view can be bookmarked and shared. */
export function ReachFilters({
  values,
  campaigns,
  organisations,
  platforms,
  themes,
  periodLabel,
}: {
  values: ReachFilterValues;
  campaigns: Option[];
  organisations: Option[];
  platforms: Option[];
  themes: Option[];
  periodLabel: string;
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
  const periods = [
    ...PERIOD_PRESETS.map((preset) => ({ value: preset, label: PRESET_LABELS[preset] })),
    { value: 'custom', label: 'Choose dates' },
  ];
  return (
    <Paper withBorder p="sm" aria-busy={pending} data-testid="reach-filters">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {campaigns.length > 1 && (
            <Select
              label="Campaign"
              data={campaigns}
              value={values.campaign}
              onChange={(value) => set({ campaign: value })}
              allowDeselect={false}
              w={260}
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="reach-period-label">
              Period
            </Text>
            {/* Chips, not a segmented control: they wrap on a phone instead of widening the page. */}
            <Chip.Group
              value={values.period}
              onChange={(value) => {
                const period = Array.isArray(value) ? value[0] : value;
                if (!period) return;
                set(
                  period === 'custom'
                    ? { period, from: values.from, to: values.to }
                    : { period, from: null, to: null },
                );
              }}
            >
              <Group gap={6} role="radiogroup" aria-labelledby="reach-period-label">
                {periods.map((period) => (
                  <Chip key={period.value} value={period.value} size="sm" variant="outline">
                    {period.label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          {values.period === 'custom' && (
            <DatePickerInput
              type="range"
              label="Dates (UK)"
              value={[values.from, values.to]}
              onChange={([from, to]) => {
                if (from && to) set({ period: 'custom', from, to });
              }}
              valueFormat="D MMM YYYY"
              allowSingleDateInRange
              w={240}
            />
          )}
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {organisations.length > 1 && (
            <Select
              label="Organisation"
              placeholder="All organisations"
              data={organisations}
              value={values.organisation}
              onChange={(value) => set({ organisation: value })}
              clearable
              searchable
              w={260}
            />
          )}
          <Select
            label="Platform"
            placeholder="All platforms"
            data={platforms}
            value={values.platform}
            onChange={(value) => set({ platform: value })}
            clearable
            w={180}
          />
          <Select
            label="Theme"
            placeholder="All themes"
            data={themes}
            value={values.theme}
            onChange={(value) => set({ theme: value })}
            clearable
            w={180}
          />
          <Text size="sm" c="dimmed" pb={8} aria-live="polite">
            {pending ? 'Updating…' : `Published ${periodLabel}`}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
