// The images as the browser's live preview judges them. The server makes each platform its own
// copy of every image, resized and re-encoded to fit (lib/media/platform-variant.ts), and judges
// those copies when the message is submitted and approved. Fetching each platform's copy's facts
// on every change would put a round trip into the preview, so here each image is taken to be a
// copy that fits: the preview judges what the author controls in the composer — how many images,
// whether Instagram has one, and the alt text — and submitting judges the real copies.
import type { MediaFacts } from '@/lib/platforms/types';

export interface PreviewImage {
  altText: string;
  /** Shown on the cards where there is one (uploads and stored messages have it). */
  thumbnailUrl?: string;
}

const FITTING_COPY = { mimeType: 'image/jpeg', bytes: 1, width: 1080, height: 1080 } as const;

export function previewMediaFacts(images: readonly PreviewImage[]): MediaFacts[] {
  return images.map((image) => ({ ...FITTING_COPY, altText: image.altText }));
}
