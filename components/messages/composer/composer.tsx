'use client';

// The message composer: the message's fields on the left, its live preview on every platform on
// the right, updated on each keystroke in the browser.
import { Paper, Text, Title } from '@mantine/core';
import { memo, useCallback, useEffect, useRef } from 'react';
import { type ComposerImage, ImageUpload } from '@/components/media/image-upload';
import { LivePreview } from '@/components/messages/preview/live-preview';
import type { Theme } from '@/lib/campaigns/campaign-schemas';
import { MEDIA_MAX, type MessageView } from '@/lib/messages/message-schemas';
import type { Publisher, Signpost } from '@/lib/platforms/types';
import { ActionBar } from './action-bar';
import classes from './composer.module.css';
import { FieldProblems } from './field-problems';
import { MessageFields } from './message-fields';
import { PlatformOverrides, type PlatformOverridesProps } from './platform-overrides';
import { useComposerActions } from './use-composer-actions';
import { useMessageDraft } from './use-message-draft';
import { useSteadyCallback } from './use-steady-callback';

// One object, so the memoised parts see "no errors" as unchanged from keystroke to keystroke.
const NO_ERRORS: Record<string, string> = {};

export interface ComposerProps {
  campaign: { id: string; slug: string; themes: Theme[] };
  /** The draft being edited; absent for a new message. */
  message?: Pick<MessageView, 'id' | 'title' | 'theme' | 'body' | 'shareable' | 'overrides' | 'cy'>;
  images: ComposerImage[];
  signpost: Signpost;
  organisations: Publisher[];
  defaultOrganisation: string;
}

// The sections below re-render only when their own values change, not on every keystroke.
const ImagesSection = memo(function ImagesSection({
  images,
  set,
  error,
}: {
  images: ComposerImage[];
  set: (key: 'images', value: ComposerImage[]) => void;
  error?: string;
}) {
  return (
    <Paper withBorder p="lg" id="field-media" tabIndex={-1}>
      <Title order={2} size="h5" mb={4}>
        Images
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Optional, but Instagram cannot publish without one. Each image needs alt text.
      </Text>
      <ImageUpload
        value={images}
        onChange={(value) => set('images', value)}
        maxImages={MEDIA_MAX}
      />
      {error && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
});

const VersionsSection = memo(function VersionsSection(props: PlatformOverridesProps) {
  return (
    <div>
      <Title order={2} size="h5" mb={4}>
        Platform versions
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every platform gets the message above unless you write it a version of its own.
      </Text>
      <PlatformOverrides {...props} />
    </div>
  );
});

export function Composer({
  campaign,
  message,
  images,
  signpost,
  organisations,
  defaultOrganisation,
}: ComposerProps) {
  const draft = useMessageDraft({
    title: message?.title ?? '',
    theme: message?.theme ?? (campaign.themes.length === 1 ? (campaign.themes[0] ?? null) : null),
    body: message?.body ?? '',
    shareable: message?.shareable ?? false,
    overrides: message?.overrides ?? {},
    images,
    bodyCy: message?.cy?.body ?? '',
    overridesCy: message?.cy?.overrides ?? {},
  });
  const { fields, set, setOverride, startOverride, payload, dirty, markSaved } = draft;
  const actions = useComposerActions({
    campaignId: campaign.id,
    messageId: message?.id ?? null,
    fields,
    payload,
    dirty,
    markSaved,
  });
  const errors = actions.refusal?.fields ?? NO_ERRORS;
  const onSave = useSteadyCallback(actions.saveDraft);
  const onSubmit = useSteadyCallback(actions.submit);

  const inputAtRef = useRef<number | null>(null);
  const markInput = useCallback(() => {
    inputAtRef.current = performance.now();
  }, []);

  // Leaving with unsaved words asks first, as any editor would.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const mediaError = Object.entries(errors).find(([path]) => path.startsWith('media'))?.[1];

  return (
    <div className={classes.layout}>
      <div className={classes.form}>
        {actions.refusal && (
          <FieldProblems
            title={actions.refusal.title}
            error={actions.refusal.error}
            fields={actions.refusal.fields}
          />
        )}
        <Paper withBorder p="lg">
          <MessageFields
            fields={fields}
            themes={campaign.themes}
            errors={errors}
            set={set}
            onInputStart={markInput}
          />
        </Paper>
        <ImagesSection images={fields.images} set={set} error={mediaError} />
        <VersionsSection
          overrides={fields.overrides}
          onChange={setOverride}
          onStart={startOverride}
          errors={errors}
          onInputStart={markInput}
        />
        <ActionBar
          state={dirty ? 'Unsaved changes' : message ? 'All changes saved' : 'Not saved yet'}
          doing={actions.doing}
          pending={actions.pending}
          onSave={onSave}
          onSubmit={onSubmit}
        />
      </div>
      <div className={classes.preview}>
        <LivePreview
          body={fields.body}
          overrides={fields.overrides}
          images={fields.images}
          campaignSlug={campaign.slug}
          signpost={signpost}
          organisations={organisations}
          defaultOrganisation={defaultOrganisation}
          inputAtRef={inputAtRef}
        />
      </div>
    </div>
  );
}
