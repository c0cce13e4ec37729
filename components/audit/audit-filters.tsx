'use client';

import { Button, Group, Paper, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { AUDIT_ACTION_OPTIONS, AUDIT_ENTITY_TYPES } from '@/lib/audit/audit-actions';

export interface AuditFilterValues {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** The filters live in the address, so a filtered log can be bookmarked and shared. */
export function AuditFilters({
  people,
  values,
}: {
  people: { id: string; name: string; email: string }[];
  values: AuditFilterValues;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(search);
    // A new filter starts again from the newest event.
    params.delete('cursor');
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const actions = AUDIT_ACTION_OPTIONS.filter(
    (action) => !values.entityType || action.value.startsWith(`${values.entityType}.`),
  );
  const filtered = Object.values(values).some(Boolean);
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="What"
          placeholder="Everything"
          data={AUDIT_ENTITY_TYPES.map(({ value, label }) => ({ value, label }))}
          value={values.entityType ?? null}
          onChange={(value) => set({ entityType: value, action: null })}
          clearable
          w={160}
        />
        <Select
          label="Action"
          placeholder="Any action"
          data={actions}
          value={values.action ?? null}
          onChange={(value) => set({ action: value })}
          clearable
          searchable
          w={220}
        />
        <Select
          label="Person"
          placeholder="Anyone"
          data={people.map((person) => ({
            value: person.email,
            label: `${person.name} (${person.email})`,
          }))}
          value={values.actor ?? null}
          onChange={(value) => set({ actor: value })}
          clearable
          searchable
          w={280}
        />
        <DatePickerInput
          type="range"
          label="Dates (UK)"
          placeholder="Any time"
          value={[values.from ?? null, values.to ?? null]}
          onChange={([from, to]) => set({ from: from ?? null, to: to ?? null })}
          clearable
          valueFormat="D MMM YYYY"
          w={230}
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() =>
              set({ entityType: null, action: null, actor: null, from: null, to: null })
            }
          >
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
