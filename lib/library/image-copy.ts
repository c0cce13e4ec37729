// A platform's copy of a library image, or why there is none: the library and the share pack
// must say "this image is missing on disk" rather than fail on it.
import { type PlatformVariant, type StoredMedia, platformVariant } from '../media/platform-variant';
import type { Platform } from '../platforms/types';

export type ImageCopy = PlatformVariant | { platform: Platform; fits: false; missing: true };

export async function imageCopy(media: StoredMedia, platform: Platform): Promise<ImageCopy> {
  try {
    return await platformVariant(media, platform);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { platform, fits: false, missing: true };
    throw error;
  }
}

export function missingImageMessage(number: number, title: string, mediaId: string): string {
  return `Image ${number} of “${title}” (${mediaId}) is missing on disk; upload it again before sharing.`;
}
