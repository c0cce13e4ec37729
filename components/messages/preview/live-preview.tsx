'use client';

// The live preview: the draft rendered for all eight platforms in the browser, with the same pure
// renderer the publisher runs (composePreview), so what people see is what goes out. No round trip.
//
// It measures itself for the composer benchmark (bench/composer-keystroke.ts): the container's
// data-render-ms is the time from the keystroke's input event to the preview's DOM being updated
// and the page laid out (React's re-render and the browser's layout included), data-compose-ms the
// renderer's share, and data-render-count counts updates so a reader can wait for the next one.
import { Group, Select, Text, Title } from '@mantine/core';
import { memo, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { composeTimed } from './compose-timed';
import { PLATFORMS, type Platform, type Publisher, type Signpost } from '@/lib/platforms/types';
import classes from './live-preview.module.css';
import { PreviewCard } from './preview-card';
import { previewMediaFacts, type PreviewImage } from './preview-media';

export interface LivePreviewProps {
  body: string;
  overrides: Partial<Record<Platform, string>>;
  images: readonly PreviewImage[];
  campaignSlug: string;
  signpost: Signpost;
  organisations: readonly Publisher[];
  defaultOrganisation: string;
  /** When the last keystroke's input event fired (performance.now()), for the measurement. */
  inputAtRef?: RefObject<number | null>;
}

// Memoised: the organisation picker does not re-render on every keystroke.
const PreviewHeading = memo(function PreviewHeading({
  organisation,
  organisations,
  onChoose,
}: {
  organisation: Publisher;
  organisations: readonly Publisher[];
  onChoose: (slug: string) => void;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <div>
        <Title order={2} size="h5">
          Preview on every platform
        </Title>
        <Text size="xs" c="dimmed">
          Exactly what would be published, with {organisation.name}’s details and the current
          signpost.
        </Text>
      </div>
      {organisations.length > 1 && (
        <Select
          label="Preview for"
          data={organisations.map((candidate) => ({
            value: candidate.slug,
            label: candidate.name,
          }))}
          value={organisation.slug}
          onChange={(value) => value && onChoose(value)}
          allowDeselect={false}
          w={320}
          size="sm"
        />
      )}
    </Group>
  );
});

export function LivePreview({
  body,
  overrides,
  images,
  campaignSlug,
  signpost,
  organisations,
  defaultOrganisation,
  inputAtRef,
}: LivePreviewProps) {
  const [slug, setSlug] = useState(defaultOrganisation);
  const organisation =
    organisations.find((candidate) => candidate.slug === slug) ?? organisations[0];
  const media = useMemo(() => previewMediaFacts(images), [images]);
  const container = useRef<HTMLDivElement>(null);
  const renders = useRef(0);

  const preview = useMemo(() => {
    if (!organisation) return null;
    return composeTimed({ body, overrides, media, organisation, campaignSlug, signpost });
  }, [body, overrides, media, organisation, campaignSlug, signpost]);

  // After React has written the new cards to the DOM, before the browser paints them. Reading the
  // container's height lays the page out now rather than just before the paint, so the time
  // includes the browser's style and layout work for the new text too: the browser does that work
  // once either way, and no measurement can leave it out by moving it after the clock stops.
  useLayoutEffect(() => {
    const node = container.current;
    if (!node || !preview) return;
    const started = inputAtRef?.current;
    renders.current += 1;
    node.dataset.composeMs = preview.ms.toFixed(3);
    if (started != null) {
      void node.offsetHeight;
      node.dataset.renderMs = (performance.now() - started).toFixed(3);
    }
    node.dataset.renderCount = String(renders.current);
    if (inputAtRef) inputAtRef.current = null;
  }, [preview, inputAtRef]);

  if (!organisation || !preview) {
    return <Text c="dimmed">There is no organisation to preview for.</Text>;
  }
  return (
    <div className={classes.preview}>
      <PreviewHeading
        organisation={organisation}
        organisations={organisations}
        onChoose={setSlug}
      />
      <div className={classes.grid} ref={container} data-testid="live-preview" aria-live="off">
        {PLATFORMS.map((platform) => (
          <PreviewCard
            key={platform}
            platform={platform}
            post={preview.rendered[platform]}
            organisationName={organisation.name}
            usesOwnVersion={overrides[platform] !== undefined}
            images={images}
          />
        ))}
      </div>
    </div>
  );
}
