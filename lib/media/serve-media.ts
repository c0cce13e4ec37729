// The bytes behind /media/<id>/<variant>: the stored original, the thumbnail, or a platform's copy
// (made on first request). The route is public, because Instagram and Threads fetch images by URL
// with no credentials; what guards it is the id, 124 random bits (media-id.ts).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../errors';
import { findMedia } from './find-media';
import { THUMBNAIL_FILE, absoluteMediaPath, besideOriginal } from './media-files';
import { type MediaVariantName, isPlatformVariant } from './media-url';
import { platformVariant } from './platform-variant';
import { IMAGE_TYPES, type ImageType } from './upload-limits';

export interface MediaFile {
  /** Relative to MEDIA_DIR. */
  file: string;
  mimeType: ImageType;
  /**
   * The original and thumbnail of an id never change. A platform's copy is remade when that
   * platform's limits change, so caches keep it for a week, not for ever.
   */
  immutable: boolean;
}

export async function findMediaFile(id: string, variant: MediaVariantName): Promise<MediaFile> {
  const media = await findMedia(id);
  if (variant === 'original') {
    return {
      file: media.storagePath,
      mimeType: z.enum(IMAGE_TYPES).parse(media.mimeType),
      immutable: true,
    };
  }
  if (variant === 'thumbnail') {
    return {
      file: besideOriginal(media.storagePath, THUMBNAIL_FILE),
      mimeType: 'image/webp',
      immutable: true,
    };
  }
  if (!isPlatformVariant(variant)) throw new Error(`Unhandled media variant ${String(variant)}`);
  const copy = await platformVariant(media, variant);
  if (!copy.fits) throw new AppError('conflict', copy.message);
  return { file: copy.file, mimeType: copy.facts.mimeType, immutable: false };
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;
const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** Streams the file, with the headers that keep it an image in every browser and cache. */
export async function mediaFileResponse(media: MediaFile, request: Request): Promise<Response> {
  // The file's path names its image, its kind and (for a platform's copy) the limits it was
  // made for: a fine ETag, and one that changes whenever the bytes could.
  const etag = `"${createHash('sha256').update(media.file).digest('base64url').slice(0, 22)}"`;
  const headers = new Headers({
    'Content-Type': media.mimeType,
    'Cache-Control': media.immutable
      ? `public, max-age=${YEAR_SECONDS}, immutable`
      : `public, max-age=${WEEK_SECONDS}`,
    ETag: etag,
    // Never let a browser guess another type from the bytes (an image that is also valid HTML).
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  const cached = request.headers.get('if-none-match')?.split(/\s*,\s*/) ?? [];
  if (cached.includes(etag)) {
    return new Response(null, { status: 304, headers });
  }
  const handle = await openOrMissing(absoluteMediaPath(media.file));
  const { size } = await handle.stat();
  headers.set('Content-Length', String(size));
  if (request.method === 'HEAD') {
    await handle.close();
    return new Response(null, { status: 200, headers });
  }
  const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

async function openOrMissing(absolute: string) {
  try {
    return await open(absolute, 'r');
  } catch (error) {
    // The row is there but its file is not (a restore without the media folder): a 404 the
    // operator can see in the log, not a 500.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new AppError('not_found', 'That image’s file is missing.');
  }
}
