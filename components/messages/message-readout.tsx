import { Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ThemeBadge } from '@/components/campaigns/theme-badge';
import type { MessageView } from '@/lib/messages/message-schemas';
import { platformRules } from '@/lib/platforms/rules';
import { PLATFORMS } from '@/lib/platforms/types';
import { ShareableBadge } from './shareable-badge';

/** A message as written, for reading: text exactly as typed (React escapes it), never markup. */
export function MessageReadout({
  message,
  images,
}: {
  message: MessageView;
  images: { mediaId: string; altText: string; thumbnailUrl: string }[];
}) {
  const versions = PLATFORMS.filter((platform) => message.overrides[platform] !== undefined);
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group gap="xs">
          <ThemeBadge theme={message.theme} />
          <ShareableBadge shareable={message.shareable} />
        </Group>
        <div>
          <Title order={2} size="h5" mb={4}>
            Message
          </Title>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="message-body-text"
          >
            {message.body}
          </Text>
        </div>
        <div lang="cy">
          <Title order={2} size="h5" mb={4} lang="en">
            Welsh text (Cymraeg)
          </Title>
          {message.cy ? (
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="message-body-cy-text"
            >
              {message.cy.body}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" lang="en">
              None: organisations that publish in Welsh and English cannot schedule it.
            </Text>
          )}
        </div>
        {versions.map((platform) => (
          <div key={platform}>
            <Title order={3} size="h6" mb={4}>
              {platformRules[platform].label} version
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.overrides[platform]}
            </Text>
          </div>
        ))}
        {images.length > 0 && (
          <div>
            <Title order={3} size="h6" mb={6}>
              Images
            </Title>
            <SimpleGrid cols={2} spacing="sm">
              {images.map((image, index) => (
                <Stack key={image.mediaId} gap={4}>
                  <Image
                    src={image.thumbnailUrl}
                    alt={image.altText}
                    radius="sm"
                    h={120}
                    fit="contain"
                    bg="gray.1"
                  />
                  <Text size="xs" c="dimmed">
                    Image {index + 1} alt text: {image.altText}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
