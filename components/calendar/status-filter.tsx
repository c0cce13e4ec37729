'use client';

import { Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ScheduleView } from '@/lib/posts/schedule-views';

/** The Schedule page's tabs as one filter: the same `view` in the address, so both keep it. */
const LABELS: Record<ScheduleView, string> = {
  all: 'Every status',
  upcoming: 'Upcoming',
  attention: 'Needs attention',
  published: 'Published',
};

export function StatusFilter({ value }: { value: ScheduleView }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  return (
    <Select
      label="Status"
      data={Object.entries(LABELS).map(([view, label]) => ({ value: view, label }))}
      value={value}
      allowDeselect={false}
      onChange={(next) => {
        const params = new URLSearchParams(search);
        if (next && next !== 'all') params.set('view', next);
        else params.delete('view');
        router.push(`${pathname}?${params.toString()}`);
      }}
      w={180}
    />
  );
}
