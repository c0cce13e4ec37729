// Accepts an uploaded image: checks who is uploading and what, re-encodes it without metadata,
// writes the original and its thumbnail, and records the Media row with its audit event in one
// transaction. Files are written first and removed again if the row is not: nothing is left
// half-written either way.
//
// The same bytes uploaded again give the image already stored (same id, no new files, no audit
// event: nothing changed), so a comms officer who adds the campaign poster to ten messages
// stores it once. Identity is the SHA-256 of the uploaded file, checked before any decoding.
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Media, Prisma } from '@/prisma/generated/client';
import { recordAudit } from '../audit/record-audit';
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { db } from '../db';
import { AppError } from '../errors';
import { log } from '../log';
import { decodeImage } from './detect-image';
import { FILE_EXTENSION } from './image-encoding';
import { newMediaId } from './media-id';
import {
  THUMBNAIL_FILE,
  absoluteMediaPath,
  mediaFolder,
  removeMediaFolder,
  writeFileAtomically,
} from './media-files';
import { normaliseImage } from './normalise-image';
import { MAX_UPLOAD_BYTES, tooLargeMessage } from './upload-limits';

/** Adding an image is part of composing a message: whoever may create messages may upload. */
export function assertMayUploadMedia(actor: CurrentActor): void {
  if (!can(actor, 'message.create')) {
    throw new AppError(
      'forbidden',
      'Only campaign leads and comms officers add images to messages.',
    );
  }
}

/** The organisation an image is recorded against: the first one the uploader composes for. */
function uploadingOrganisation(actor: CurrentActor): string | null {
  const membership = actor.memberships.find((candidate) =>
    can({ userId: actor.userId, memberships: [candidate] }, 'message.create'),
  );
  return membership?.organisationId ?? null;
}

export interface StoredUpload {
  media: Media;
  /** False when the same bytes had been uploaded before and that image is given back. */
  created: boolean;
}

export async function storeMedia(
  actor: CurrentActor,
  bytes: Uint8Array,
  now = new Date(),
): Promise<StoredUpload> {
  assertMayUploadMedia(actor);
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('payload_too_large', tooLargeMessage(bytes.byteLength), {
      file: 'is too large',
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findStored(db, sha256);
  if (existing) return { media: existing, created: false };

  const image = await normaliseImage(await decodeImage(bytes));
  const id = newMediaId();
  const folder = mediaFolder(id, now);
  const storagePath = path.posix.join(
    folder,
    `original.${FILE_EXTENSION[image.original.facts.mimeType]}`,
  );
  try {
    await writeFileAtomically(absoluteMediaPath(storagePath), image.original.data);
    await writeFileAtomically(
      absoluteMediaPath(path.posix.join(folder, THUMBNAIL_FILE)),
      image.thumbnail.data,
    );
    const stored = await db.$transaction(async (tx) => {
      // Two uploads of the same file at once: the second waits here and then finds the first.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`media:${sha256}`}, 0))`;
      const raced = await findStored(tx, sha256);
      if (raced) return { media: raced, created: false };
      const { mimeType, width, height, bytes: size } = image.original.facts;
      const organisationId = uploadingOrganisation(actor);
      const media = await tx.media.create({
        data: {
          id,
          organisationId,
          uploadedById: actor.userId,
          mimeType,
          width,
          height,
          bytes: size,
          sha256,
          storagePath,
          createdAt: now,
        },
      });
      await recordAudit(tx, auditActor(actor), {
        action: 'media.uploaded',
        entityId: id,
        organisationId,
        after: { mimeType, width, height, bytes: size, sha256, uploadedBytes: bytes.byteLength },
      });
      return { media, created: true };
    });
    if (!stored.created) await removeMediaFolder(folder);
    return stored;
  } catch (error) {
    await discard(folder);
    throw error;
  }
}

/** Removes a failed upload's files; a failure to remove is logged, and the first error stands. */
async function discard(folder: string): Promise<void> {
  try {
    await removeMediaFolder(folder);
  } catch (removal) {
    log.error({ err: removal, folder }, 'could not remove the files of a failed image upload');
  }
}

/** The image already stored for these bytes, if its files are still there to serve. */
async function findStored(
  client: Pick<Prisma.TransactionClient, 'media'>,
  sha256: string,
): Promise<Media | null> {
  const candidates = await client.media.findMany({
    where: { sha256 },
    orderBy: { createdAt: 'asc' },
  });
  for (const media of candidates) {
    // A row can outlive its files (a database restored without the media folder): skip it.
    if (await fileExists(absoluteMediaPath(media.storagePath))) return media;
  }
  return null;
}

async function fileExists(absolute: string): Promise<boolean> {
  try {
    await access(absolute);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
