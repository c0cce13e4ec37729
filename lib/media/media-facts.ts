// What the renderer's media checks (lib/platforms/media.ts, mediaProblems) judge: one MediaFacts
// per image. The facts are those of the copy the platform will actually receive, not of the
// upload, because that copy is what must pass: a 3 MB PNG is fine for Bluesky (1 MB) once it is
// a 700 KB JPEG. Where no copy fits, the facts are those of the smallest copy we could make, so
// the renderer's own "Image 2 is 1.4 MB; Bluesky takes images up to 1 MB" names the problem.
//
// The first call for an image and platform makes the copy (a second or so for a large photo);
// later calls read a small record from disk.
import type { MediaFacts, Platform } from '../platforms/types';
import { PLATFORMS } from '../platforms/types';
import { db } from '../db';
import { invalid } from '../errors';
import { type StoredMedia, platformVariant } from './platform-variant';

/** An image attached to a message: its Media row (these fields of it) and its alt text. */
export interface AttachedImage {
  altText: string;
  media: StoredMedia;
}

/** An attachment as a message stores it and the API receives it. */
export interface MediaAttachment {
  mediaId: string;
  altText: string;
}

/** The facts of each image as `platform` receives it, in the order given. */
export async function platformMediaFacts(
  platform: Platform,
  images: readonly AttachedImage[],
): Promise<MediaFacts[]> {
  return Promise.all(
    images.map(async ({ altText, media }) => ({
      ...(await platformVariant(media, platform)).facts,
      altText,
    })),
  );
}

/** The facts for every platform at once, for checks across all of them (submit, approve). */
export async function mediaFactsByPlatform(
  images: readonly AttachedImage[],
): Promise<Record<Platform, MediaFacts[]>> {
  const facts = await Promise.all(
    PLATFORMS.map((platform) => platformMediaFacts(platform, images)),
  );
  return Object.fromEntries(PLATFORMS.map((platform, index) => [platform, facts[index]])) as Record<
    Platform,
    MediaFacts[]
  >;
}

/**
 * The Media rows of a message's attachments, in their order. An id that names no image is a 400
 * naming that attachment (`media.1.mediaId`), as the message routes report their other fields.
 */
export async function loadAttachedImages(
  attachments: readonly MediaAttachment[],
  field = 'media',
): Promise<AttachedImage[]> {
  const rows = await db.media.findMany({
    where: { id: { in: attachments.map((attachment) => attachment.mediaId) } },
    select: { id: true, storagePath: true, mimeType: true, bytes: true, width: true, height: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing: Record<string, string> = {};
  const images: AttachedImage[] = [];
  attachments.forEach(({ mediaId, altText }, index) => {
    const media = byId.get(mediaId);
    if (media) images.push({ altText, media });
    else missing[`${field}.${index}.mediaId`] = 'is not an uploaded image';
  });
  const names = Object.keys(missing);
  if (names.length > 0) {
    throw invalid(
      `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not an uploaded image; upload it first.`,
      missing,
    );
  }
  return images;
}
