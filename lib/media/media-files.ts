// Where images live on disk, under MEDIA_DIR:
//
//   <yyyy>/<mm>/<id>/original.<jpg|png|webp>   the upload, upright and without metadata
//   <yyyy>/<mm>/<id>/thumbnail.webp            320 px on its longest side, for the composer
//   <yyyy>/<mm>/<id>/variants/<id>-<platform>-<key>.json and .<ext>
//                                              a platform's copy, made on first use (key: a
//                                              hash of the platform's limits, so new limits
//                                              make a new copy)
//
// Paths stored in the database are relative to MEDIA_DIR, with forward slashes. A folder per
// image keeps every file of one image together, so removing an image is removing one folder.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../env';

export const THUMBNAIL_FILE = 'thumbnail.webp';
export const VARIANTS_FOLDER = 'variants';

export function mediaRoot(): string {
  return path.resolve(env().MEDIA_DIR);
}

/** The folder of a new image, relative to MEDIA_DIR: by upload month (UTC), then its id. */
export function mediaFolder(id: string, createdAt: Date): string {
  const year = String(createdAt.getUTCFullYear());
  const month = String(createdAt.getUTCMonth() + 1).padStart(2, '0');
  return path.posix.join(year, month, id);
}

/** A file beside the stored original (`thumbnail.webp`, `variants/…`), relative to MEDIA_DIR. */
export function besideOriginal(storagePath: string, name: string): string {
  return path.posix.join(path.posix.dirname(storagePath), name);
}

/** The absolute path of a relative media path; one that would leave MEDIA_DIR is a bug. */
export function absoluteMediaPath(relative: string): string {
  const root = mediaRoot();
  const absolute = path.resolve(root, relative);
  if (!absolute.startsWith(root + path.sep))
    throw new Error(`Media path escapes MEDIA_DIR: ${relative}`);
  return absolute;
}

/**
 * Writes through a temporary file and a rename, so a reader (the image route, a second request
 * making the same variant) sees the whole file or none of it, never a half-written one.
 */
export async function writeFileAtomically(
  absolute: string,
  data: Uint8Array | string,
): Promise<void> {
  await mkdir(path.dirname(absolute), { recursive: true });
  const temporary = `${absolute}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, absolute);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes an image's folder and everything in it (relative to MEDIA_DIR). */
export async function removeMediaFolder(folder: string): Promise<void> {
  await rm(absoluteMediaPath(folder), { recursive: true, force: true });
}
