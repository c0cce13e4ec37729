// The images of a post as a platform adapter sends them: each platform's own copy, by URL (for
// Instagram and Threads, which fetch it from /media/<id>/<platform>) and by bytes (for the
// platforms that take an upload).
import { readFile } from 'node:fs/promises';
import type { PublishMedia } from '../platforms/adapter';
import type { Platform } from '../platforms/types';
import { AppError } from '../errors';
import type { AttachedImage } from './media-facts';
import { absoluteMediaPath } from './media-files';
import { mediaUrl } from './media-url';
import { platformVariant } from './platform-variant';

/**
 * Makes (or finds) every copy before anything is sent, so a copy that cannot be made stops the
 * post before the platform is called. The renderer's checks, fed by platformMediaFacts, have
 * already refused such a post; this is the guard if the platform's limits changed in between.
 */
export async function publishMediaFor(
  platform: Platform,
  images: readonly AttachedImage[],
  appUrl?: string,
): Promise<PublishMedia[]> {
  return Promise.all(
    images.map(async ({ altText, media }, index) => {
      const variant = await platformVariant(media, platform);
      if (!variant.fits) throw new AppError('conflict', `Image ${index + 1}: ${variant.message}`);
      const file = absoluteMediaPath(variant.file);
      return {
        url: mediaUrl(media.id, platform, appUrl),
        mimeType: variant.facts.mimeType,
        altText,
        read: async () => new Uint8Array(await readFile(file)),
      };
    }),
  );
}
