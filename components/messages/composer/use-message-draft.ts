'use client';

// The composer's state: the fields of a message as the author is writing them, what would be sent
// to save them, the checks worth making before a round trip, and whether anything is unsaved.
import { useCallback, useMemo, useState } from 'react';
import type { ComposerImage } from '@/components/media/image-upload';
import type { Theme } from '@/lib/campaigns/campaign-schemas';
import { unknownPlaceholderMessage } from '@/lib/messages/message-schemas';
import type { Platform } from '@/lib/platforms/types';
import type { Overrides } from './platform-overrides';

export interface DraftFields {
  title: string;
  theme: Theme | null;
  body: string;
  shareable: boolean;
  overrides: Overrides;
  images: ComposerImage[];
  /** The Welsh text (issue 13); empty when the message has none. */
  bodyCy: string;
  /** The Welsh per-platform versions, kept as they were (the API edits them). */
  overridesCy: Overrides;
}

export interface DraftPayload {
  title: string;
  theme?: Theme;
  body: string;
  shareable: boolean;
  overrides: Overrides;
  media: { mediaId: string; altText: string }[];
  /** null: no Welsh (a saved draft's Welsh is removed). */
  cy: { body: string; overrides: Overrides } | null;
}

export function toPayload(fields: DraftFields): DraftPayload {
  return {
    title: fields.title,
    ...(fields.theme ? { theme: fields.theme } : {}),
    body: fields.body,
    shareable: fields.shareable,
    overrides: fields.overrides,
    media: fields.images.map(({ mediaId, altText }) => ({ mediaId, altText })),
    cy: fields.bodyCy.trim() === '' ? null : { body: fields.bodyCy, overrides: fields.overridesCy },
  };
}

/** The mistakes worth catching before asking the server, in the words the form uses. */
export function draftProblems(fields: DraftFields): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.title.trim() === '') problems.title = 'Give the message a short title.';
  if (!fields.theme) problems.theme = 'Choose the campaign aim this message serves.';
  if (fields.body.trim() === '') problems.body = 'Write the message.';
  const bodyPlaceholders = unknownPlaceholderMessage(fields.body);
  if (bodyPlaceholders) problems.body = `It ${bodyPlaceholders}.`;
  const welshPlaceholders = unknownPlaceholderMessage(fields.bodyCy);
  if (welshPlaceholders) problems['cy.body'] = `It ${welshPlaceholders}.`;
  for (const [platform, text] of Object.entries(fields.overrides)) {
    if (text === undefined) continue;
    const placeholders = unknownPlaceholderMessage(text);
    if (text.trim() === '')
      problems[`overrides.${platform}`] =
        'Write this version, or use the main message on this platform instead.';
    else if (placeholders) problems[`overrides.${platform}`] = `It ${placeholders}.`;
  }
  fields.images.forEach((image, index) => {
    if (image.altText.trim() === '')
      problems[`media.${index}.altText`] =
        'Add alt text: describe the image for people who cannot see it.';
  });
  return problems;
}

export function useMessageDraft(initial: DraftFields) {
  const [fields, setFields] = useState(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(toPayload(initial)));
  const set = useCallback(
    <K extends keyof DraftFields>(key: K, value: DraftFields[K]) =>
      setFields((current) => ({ ...current, [key]: value })),
    [],
  );
  const setOverride = useCallback(
    (platform: Platform, text: string | undefined) =>
      setFields((current) => {
        const overrides = { ...current.overrides };
        if (text === undefined) delete overrides[platform];
        else overrides[platform] = text;
        return { ...current, overrides };
      }),
    [],
  );
  // Reads the body inside the update, so this callback never changes while the author types and
  // the memoised overrides do not re-render on every keystroke.
  const startOverride = useCallback(
    (platform: Platform) =>
      setFields((current) => ({
        ...current,
        overrides: { ...current.overrides, [platform]: current.body },
      })),
    [],
  );
  const payload = useMemo(() => toPayload(fields), [fields]);
  const dirty = JSON.stringify(payload) !== saved;
  const markSaved = useCallback(() => setSaved(JSON.stringify(payload)), [payload]);

  return { fields, set, setOverride, startOverride, payload, dirty, markSaved };
}
