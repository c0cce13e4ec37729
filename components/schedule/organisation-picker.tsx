'use client';

// The organisations of a fan-out, grouped as people think of them (forces, the regional unit,
// partners). An organisation with no active channel cannot be ticked: it would post nothing.
import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { SECTION_STYLES } from './section-styles';
import type { SchedulingChannel, SchedulingOrganisation } from '@/lib/posts/scheduling-options';

const GROUPS: { kind: SchedulingOrganisation['kind']; label: string }[] = [
  { kind: 'force', label: 'Forces' },
  { kind: 'regional_unit', label: 'Regional unit' },
  { kind: 'partner', label: 'Partners' },
];

interface Props {
  organisations: SchedulingOrganisation[];
  channels: SchedulingChannel[];
  value: string[];
  onChange: (slugs: string[]) => void;
}

export function OrganisationPicker({ organisations, channels, value, onChange }: Props) {
  const channelCount = (id: string) => channels.filter((c) => c.organisationId === id).length;
  const usable = organisations.filter((o) => channelCount(o.id) > 0);
  const forces = usable.filter((o) => o.kind === 'force').map((o) => o.slug);
  const groups = GROUPS.map((group) => ({
    ...group,
    members: organisations.filter((o) => o.kind === group.kind),
  })).filter((group) => group.members.length > 0);

  return (
    <Fieldset legend="Organisations" variant="unstyled" styles={SECTION_STYLES}>
      <Stack gap="sm">
        {organisations.length > 1 && (
          <Group gap="xs">
            {forces.length > 1 && (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onChange([...new Set([...value, ...forces])])}
              >
                All forces
              </Button>
            )}
            <Button size="compact-sm" variant="subtle" onClick={() => onChange([])}>
              None
            </Button>
          </Group>
        )}
        {groups.map((group) => {
          const slugs = group.members.map((o) => o.slug);
          return (
            <Checkbox.Group
              key={group.kind}
              label={group.label}
              labelProps={{ c: 'dimmed', fz: 'xs', tt: 'uppercase', fw: 600 }}
              value={value.filter((slug) => slugs.includes(slug))}
              // Each group owns only its own slugs; ticks in the other groups are kept.
              onChange={(ticked) =>
                onChange([...value.filter((slug) => !slugs.includes(slug)), ...ticked])
              }
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={8} mt={4}>
                {group.members.map((o) => {
                  const count = channelCount(o.id);
                  return (
                    <Checkbox
                      key={o.id}
                      value={o.slug}
                      label={o.name}
                      // Counts would only crowd the list; the plan below shows what each posts.
                      description={count === 0 ? 'No active channel' : undefined}
                      disabled={count === 0}
                    />
                  );
                })}
              </SimpleGrid>
            </Checkbox.Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
