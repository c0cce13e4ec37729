// The images of a post as the renderer judges them and as the adapter sends them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublishMedia } from '../platforms/adapter';
import type { MediaFacts, Platform } from '../platforms/types';
import type { Env } from '../env';

export interface AttachedMedia {
  altText: string;
  media: { id: string; mimeType: string; bytes: number; width: number; height: number; storagePath: string };
}

export function mediaFacts(attached: readonly AttachedMedia[]): MediaFacts[] {
  return attached.map(({ altText, media }) => ({
    altText,
    mimeType: media.mimeType,
    bytes: media.bytes,
    width: media.width,
    height: media.height,
  }));
}

export function publishMedia(attached: readonly AttachedMedia[], platform: Platform, settings: Env): PublishMedia[] {
  return attached.map(({ altText, media }) => ({
    url: `${settings.APP_URL}/media/${media.id}/${platform}`,
    mimeType: media.mimeType,
    altText,
    read: async () => new Uint8Array(await readFile(path.resolve(settings.MEDIA_DIR, media.storagePath))),
  }));
}
