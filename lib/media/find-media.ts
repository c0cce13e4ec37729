// An uploaded image as the API shows it, and finding one by id.
import { z } from 'zod';
import type { Media } from '@/prisma/generated/client';
import { db } from '../db';
import { notFound } from '../errors';
import { MediaId } from './media-id';
import { mediaUrl } from './media-url';
import { IMAGE_TYPES } from './upload-limits';

export const MediaView = z
  .object({
    id: MediaId,
    mimeType: z.enum(IMAGE_TYPES),
    width: z.number().int().meta({ description: 'Upright, in pixels' }),
    height: z.number().int(),
    bytes: z.number().int().meta({ description: 'Size of the stored original (metadata removed)' }),
    url: z.url().meta({
      description: 'The stored original; /media/{id}/{platform} serves each platform’s copy',
    }),
    thumbnailUrl: z.url().meta({ description: 'A WebP at most 320 px on its longest side' }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Media' });
export type MediaView = z.infer<typeof MediaView>;

export function mediaView(media: Media): MediaView {
  return {
    id: media.id,
    mimeType: z.enum(IMAGE_TYPES).parse(media.mimeType),
    width: media.width,
    height: media.height,
    bytes: media.bytes,
    url: mediaUrl(media.id, 'original'),
    thumbnailUrl: mediaUrl(media.id, 'thumbnail'),
    createdAt: media.createdAt.toISOString(),
  };
}

/**
 * Any signed-in person may look an image up: images are shared across the campaign (a partner
 * publishes the force's poster) and their bytes are public at an unguessable URL anyway.
 */
export async function findMedia(id: string): Promise<Media> {
  const media = await db.media.findUnique({ where: { id } });
  if (!media) throw notFound('That image');
  return media;
}
