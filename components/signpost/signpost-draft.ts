// The signpost as it is being edited, and the same thing as the renderer needs it for the
// preview. Pure.
import type { SignpostView } from '@/lib/signpost/signpost-store';
import {
  PLATFORMS,
  type Platform,
  type Signpost,
  type SignpostWording,
} from '@/lib/platforms/types';

export interface SignpostDraft {
  helplineName: string;
  phone: string;
  url: string;
  wording: Record<Platform, SignpostWording>;
  note: string;
}

export function draftOf(signpost: SignpostView): SignpostDraft {
  return {
    helplineName: signpost.helplineName,
    phone: signpost.phone,
    url: signpost.url,
    wording: Object.fromEntries(
      PLATFORMS.map((platform) => [platform, { ...signpost.wording[platform] }]),
    ) as Record<Platform, SignpostWording>,
    note: '',
  };
}

export function previewSignpost(draft: SignpostDraft, version: number): Signpost {
  return {
    version: version + 1,
    helplineName: draft.helplineName,
    phone: draft.phone,
    url: draft.url,
    wording: draft.wording,
  };
}

/** The campaign the sample posts are tagged for. */
export const SAMPLE_CAMPAIGN = 'stop-it-now-north-west';

/** A realistic message to show the wording after: short enough for the full form, or long. */
export const SAMPLE_MESSAGES = {
  short:
    'Every time an image of a child being abused is viewed, that child is harmed again. {organisation} is working with partners across {area} to protect children.',
  long: 'Viewing sexual images of children is not a victimless crime. Every image is a record of a child being abused, and every view creates demand for more. {organisation} and partners across {area} are finding the people who do it — and help to stop is there for anyone worried about their own thoughts.',
} as const;
