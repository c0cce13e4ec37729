'use client';

// Specific channels, grouped by the organisation that owns them, for when a post should go to a
// few accounts rather than across the region.
import { Checkbox, Fieldset, ScrollArea, SimpleGrid, Text } from '@mantine/core';
import { platformLabel } from '@/components/platform-badge';
import { SECTION_STYLES } from './section-styles';
import type { PlatformProblems } from '@/lib/posts/platform-fit';
import type { SchedulingChannel, SchedulingOrganisation } from '@/lib/posts/scheduling-options';

interface Props {
  organisations: SchedulingOrganisation[];
  channels: SchedulingChannel[];
  platformProblems: PlatformProblems;
  value: string[];
  onChange: (channelIds: string[]) => void;
}

export function ChannelPicker({
  organisations,
  channels,
  platformProblems,
  value,
  onChange,
}: Props) {
  const groups = organisations
    .map((organisation) => ({
      organisation,
      members: channels.filter((c) => c.organisationId === organisation.id),
    }))
    .filter((group) => group.members.length > 0);

  return (
    <Fieldset legend="Channels" variant="unstyled" styles={SECTION_STYLES}>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          None of your organisations has an active channel.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg" verticalSpacing="md">
            {groups.map(({ organisation, members }) => {
              const ids = members.map((c) => c.id);
              return (
                <Checkbox.Group
                  key={organisation.id}
                  label={organisation.name}
                  labelProps={{ fw: 600 }}
                  value={value.filter((id) => ids.includes(id))}
                  // Each organisation owns only its own channels; ticks elsewhere are kept.
                  onChange={(ticked) =>
                    onChange([...value.filter((id) => !ids.includes(id)), ...ticked])
                  }
                >
                  {members.map((channel) => (
                    <Checkbox
                      key={channel.id}
                      value={channel.id}
                      mt={6}
                      description={platformProblems[channel.platform]}
                      label={
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          <Text span fw={600} size="sm">
                            {platformLabel(channel.platform)}
                          </Text>{' '}
                          <Text span c="dimmed" size="sm">
                            {channel.handle}
                          </Text>
                        </Text>
                      }
                    />
                  ))}
                </Checkbox.Group>
              );
            })}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
    </Fieldset>
  );
}
