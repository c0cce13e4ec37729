// A share pack: a zip with, per message, a text file per platform rendered for the organisation
// (checked as a post is: a text that fails is left out and the README says why), each image as
// that platform's copy (lib/media's variants), the alt text, and a README with the helpline's
// details. Everything that can fail (the message, the quiet period, every image on disk) is
// checked before the first byte, so a caller gets a clear 4xx, never a broken zip; the zip itself
// is streamed from disk and never held in memory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { conflict, notFound } from '../errors';
import { log } from '../log';
import { FILE_EXTENSION } from '../media/image-encoding';
import { absoluteMediaPath } from '../media/media-files';
import { PLATFORMS } from '../platforms/types';
import { formatLocal } from '../scheduling/london-time';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { imageCopy, missingImageMessage } from './image-copy';
import { libraryMessages } from './library-messages';
import { libraryOrganisation } from './library-organisation';
import { LIBRARY_MESSAGE_SELECT } from './list-library';
import { type PackedMessage, altTextFile, packReadme } from './pack-readme';
import { quietReasons } from './quiet-period';
import { renderForOrganisation } from './render-for-organisation';

type Entry = { name: string; text: string } | { name: string; file: string };

export interface SharePack {
  filename: string;
  /** The zip, streamed: pipe it, never buffer it. */
  stream: ReadableStream<Uint8Array>;
}

export interface SharePackRequest {
  organisation: string;
  /** The messages, in pack order; one message packs at the zip's root. */
  messageIds?: readonly string[];
  /** Or the library's messages approved in [from, to). */
  approvedBetween?: { from: Date; to: Date };
  filename: (organisationSlug: string) => string;
  now?: Date;
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'message'
  );
}

async function fileIsThere(relative: string): Promise<boolean> {
  try {
    return (await stat(absoluteMediaPath(relative))).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export async function sharePack(actor: Actor, request: SharePackRequest): Promise<SharePack> {
  const now = request.now ?? new Date();
  const organisation = await libraryOrganisation(actor, request.organisation);
  const rows = await db.message.findMany({
    where: {
      AND: [
        libraryMessages(actor, organisation),
        request.messageIds ? { id: { in: [...request.messageIds] } } : {},
        request.approvedBetween
          ? { approvedAt: { gte: request.approvedBetween.from, lt: request.approvedBetween.to } }
          : {},
      ],
    },
    orderBy: [{ approvedAt: 'asc' }, { id: 'asc' }],
    select: LIBRARY_MESSAGE_SELECT,
  });
  // Not shareable, not approved, archived, of an ended campaign or not this organisation's to
  // use: as if it did not exist.
  if (request.messageIds && rows.length !== new Set(request.messageIds).size)
    throw notFound('Message');
  if (rows.length === 0) throw notFound('Messages for that week');

  const held = await quietReasons(
    organisation,
    rows.map((row) => row.campaign),
    now,
  );
  const firstHeld = [...held.values()][0];
  if (firstHeld) throw conflict(`No share pack now. ${firstHeld}`);

  const signpost = toSignpost(await currentSignpost());
  const single = rows.length === 1;
  const entries: Entry[] = [];
  const packed: PackedMessage[] = [];

  // Every image's every copy, before anything is streamed: a missing one is a 409 naming it.
  for (const row of rows)
    for (const [number, { media }] of row.media.entries())
      for (const platform of PLATFORMS) {
        const copy = await imageCopy(media, platform);
        if ('missing' in copy || (copy.fits && !(await fileIsThere(copy.file))))
          throw conflict(missingImageMessage(number + 1, row.title, media.id));
      }

  for (const [index, row] of rows.entries()) {
    const folder = single ? '' : `${String(index + 1).padStart(2, '0')}-${slugOf(row.title)}`;
    const at = (name: string) => (folder ? `${folder}/${name}` : name);
    const renders = await renderForOrganisation({
      message: row,
      title: row.title,
      campaignSlug: row.campaign.slug,
      organisation,
      signpost,
      images: row.media,
      heldReason: null,
    });
    const message: PackedMessage = {
      folder,
      title: row.title,
      platforms: [],
      leftOut: [],
      images: row.media.map(({ altText }, number) => ({ altText, number: number + 1 })),
    };
    for (const platform of PLATFORMS) {
      const render = renders[platform];
      if (!render.valid) {
        message.leftOut.push({
          platform,
          reason: render.problems.map((problem) => problem.message).join(' '),
        });
        continue;
      }
      const imageFiles: string[] = [];
      let unfit: string | null = null;
      for (const [number, { media }] of row.media.entries()) {
        const variant = await imageCopy(media, platform);
        if ('missing' in variant)
          throw conflict(missingImageMessage(number + 1, row.title, media.id));
        if (!variant.fits) {
          unfit = variant.message;
          break;
        }
        const name = `images/${platform}-${number + 1}.${FILE_EXTENSION[variant.facts.mimeType]}`;
        entries.push({ name: at(name), file: absoluteMediaPath(variant.file) });
        imageFiles.push(name);
      }
      if (unfit !== null) {
        message.leftOut.push({ platform, reason: unfit });
        continue;
      }
      entries.push({ name: at(`${platform}.txt`), text: render.text + '\n' });
      message.platforms.push({ platform, textFile: `${platform}.txt`, imageFiles });
    }
    entries.push({ name: at('alt-text.txt'), text: altTextFile(message) });
    packed.push(message);
  }
  entries.unshift({
    name: 'README.txt',
    text: packReadme({ organisation, signpost, messages: packed, madeAt: formatLocal(now) }),
  });

  // Counted for the leads' amplification view when the organisation's own people take it (a lead
  // looking at a partner's pack is not the partner sharing it): one row per message in the pack.
  if (actor.memberships.some((membership) => membership.organisationId === organisation.id))
    await db.sharePackDownload.createMany({
      data: rows.map((row) => ({
        messageId: row.id,
        organisationId: organisation.id,
        createdById: actor.userId,
        createdAt: now,
      })),
    });

  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if ('text' in entry) zip.addBuffer(Buffer.from(entry.text, 'utf8'), entry.name, { mtime: now });
    else {
      const file = entry.file;
      // Opened only when the zip reaches it: one image read at a time, in chunks, and no file
      // handle held for the images still waiting. Images are stored, not deflated: JPEG, PNG and
      // WebP are compressed already.
      zip.addReadStreamLazy(entry.name, { mtime: now, compress: false }, (callback) =>
        callback(null, createReadStream(file)),
      );
    }
  }
  // A file that vanishes after the checks above (a clean-up running at that moment) can only end
  // the download; it must never take the web process down with an unhandled error.
  zip.on('error', (error: unknown) => {
    log.error({ err: error, organisation: organisation.slug }, 'share pack failed while streaming');
    (zip.outputStream as Readable).destroy(
      error instanceof Error ? error : new Error(String(error)),
    );
  });
  zip.end();
  return {
    filename: path.basename(request.filename(organisation.slug)),
    stream: Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>,
  };
}
