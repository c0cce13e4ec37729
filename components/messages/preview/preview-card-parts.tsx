'use client';

import { Badge, Group, Image, List, SimpleGrid, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLink } from '@tabler/icons-react';
import { memo } from 'react';
import { platformRules } from '@/lib/platforms/rules';
import type { Platform, RenderedPost } from '@/lib/platforms/types';
import { SIGNPOST_FORM_EXPLAIN, SIGNPOST_FORM_WORDS } from './platform-look';
import type { PreviewImage } from './preview-media';

// The parts below change far less often than the text: memoised, so a keystroke re-renders the
// text and the counter, not every tooltip on the card.
export const CardBadges = memo(function CardBadges({
  platform,
  signpostForm,
  usesOwnVersion,
}: {
  platform: Platform;
  signpostForm: RenderedPost['signpostForm'];
  usesOwnVersion: boolean;
}) {
  const rules = platformRules[platform];
  return (
    <Group gap={6} mt="auto">
      <Tooltip label={SIGNPOST_FORM_EXPLAIN[signpostForm]} withArrow multiline w={240}>
        <Badge variant="light" color="gray" tt="none" tabIndex={0} data-testid="signpost-form">
          {SIGNPOST_FORM_WORDS[signpostForm]}
        </Badge>
      </Tooltip>
      {usesOwnVersion && (
        <Badge variant="light" color="violet" tt="none">
          Own {rules.label} version
        </Badge>
      )}
      {!rules.linksClickable && (
        <Tooltip label={`Links cannot be clicked in ${rules.label} captions.`} withArrow>
          <Badge
            variant="light"
            color="gray"
            tt="none"
            tabIndex={0}
            leftSection={<IconLink size={12} aria-hidden />}
          >
            Links not clickable
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
});

const sameProblems = (
  a: { problems: RenderedPost['problems'] },
  b: { problems: RenderedPost['problems'] },
) =>
  a.problems.length === b.problems.length &&
  a.problems.every((problem, index) => problem.message === b.problems[index]?.message);

export const CardProblems = memo(
  function CardProblems({
    platform,
    problems,
  }: {
    platform: Platform;
    problems: RenderedPost['problems'];
  }) {
    const rules = platformRules[platform];
    return (
      <>
        {problems.some((problem) => problem.code === 'empty_body') ? (
          <Text size="xs" c="dimmed">
            Write the message to see how it reads on {rules.label}. The signpost above is added to
            every post.
          </Text>
        ) : problems.length === 0 ? (
          <Group gap={6} wrap="nowrap">
            <ThemeIcon color="green" variant="transparent" size="sm">
              <IconCircleCheck size={16} aria-hidden />
            </ThemeIcon>
            <Text size="xs" c="green.8">
              Ready to publish on {rules.label}
            </Text>
          </Group>
        ) : (
          <List
            size="xs"
            spacing={2}
            c="red.8"
            icon={
              <ThemeIcon color="red" variant="transparent" size="sm">
                <IconAlertTriangle size={14} aria-hidden />
              </ThemeIcon>
            }
            data-testid="preview-problems"
          >
            {problems.map((problem) => (
              <List.Item key={`${problem.code}:${problem.message}`}>{problem.message}</List.Item>
            ))}
          </List>
        )}
      </>
    );
  },
  (before, after) => before.platform === after.platform && sameProblems(before, after),
);

/** The images the platform would show, as many as it takes. */
export const CardImages = memo(function CardImages({
  platform,
  images,
}: {
  platform: Platform;
  images: readonly PreviewImage[];
}) {
  const shown = images
    .slice(0, platformRules[platform].media.maxImages)
    .filter((image) => image.thumbnailUrl);
  if (shown.length === 0) return null;
  return (
    <SimpleGrid cols={Math.min(shown.length, 2)} spacing={4}>
      {shown.slice(0, 4).map((image) => (
        <Image
          key={image.thumbnailUrl}
          src={image.thumbnailUrl}
          alt={image.altText}
          // One image shows whole, as the platforms show a single picture; several are cropped tiles.
          h={shown.length === 1 ? 'auto' : 90}
          radius="sm"
          fit={shown.length === 1 ? 'contain' : 'cover'}
        />
      ))}
    </SimpleGrid>
  );
});
