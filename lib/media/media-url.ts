// Where each version of an image is served: /media/<id>/original, /media/<id>/thumbnail, and
// /media/<id>/<platform> for the copy made to fit that platform. Absolute, because Instagram and
// Threads fetch images by URL and the API's callers may be anywhere.
import { z } from 'zod';
import { env } from '../env';
import { PLATFORMS, type Platform } from '../platforms/types';

export const MEDIA_VARIANTS = ['original', 'thumbnail', ...PLATFORMS] as const;
export const MediaVariantName = z.enum(MEDIA_VARIANTS);
export type MediaVariantName = z.infer<typeof MediaVariantName>;

export function isPlatformVariant(variant: MediaVariantName): variant is Platform {
  return variant !== 'original' && variant !== 'thumbnail';
}

export function mediaUrl(
  id: string,
  variant: MediaVariantName,
  appUrl: string = env().APP_URL,
): string {
  return `${appUrl.replace(/\/+$/, '')}/media/${encodeURIComponent(id)}/${variant}`;
}
