// Each platform's copy of an image, made on first use and kept on disk beside the original: the
// composer's checks, the image route and the publish worker all ask for the same copy, and only
// the first pays for making it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { rulesFor } from '../platforms/rules';
import type { Platform } from '../platforms/types';
import { type VariantSpec, encodeVariant } from './encode-variant';
import { FILE_EXTENSION, type ImageFacts } from './image-encoding';
import {
  VARIANTS_FOLDER,
  absoluteMediaPath,
  besideOriginal,
  writeFileAtomically,
} from './media-files';
import { IMAGE_TYPES, type ImageType } from './upload-limits';

/**
 * The image types each platform's API takes for a post image. Data, not branches: it belongs in
 * each platform's MediaRules (beside `mimeTypes`, which says what may be uploaded for it) and
 * lives here until those rules carry it.
 */
export const PLATFORM_IMAGE_TYPES: Record<Platform, readonly ImageType[]> = {
  // X media upload: JPEG, PNG, GIF and WebP.
  x: ['image/jpeg', 'image/png', 'image/webp'],
  // Graph API Page Photos: JPEG, PNG, GIF, BMP and TIFF; no WebP.
  facebook: ['image/jpeg', 'image/png'],
  // Content Publishing API image specification: JPEG only.
  instagram: ['image/jpeg'],
  // Images API: JPEG, PNG and GIF.
  linkedin: ['image/jpeg', 'image/png'],
  // Threads documents JPEG and PNG; JPEG only, as for Instagram, keeps the two Meta pipelines
  // alike and the files small enough to fetch quickly from our image URL.
  threads: ['image/jpeg'],
  // app.bsky.embed.images takes any image/* blob; these three display everywhere.
  bluesky: ['image/jpeg', 'image/png', 'image/webp'],
  // Mastodon's supported image types include WebP since 3.x.
  mastodon: ['image/jpeg', 'image/png', 'image/webp'],
  // Nextdoor documents no list; the two every web client shows.
  nextdoor: ['image/jpeg', 'image/png'],
};

/** Bump when the way variants are made changes, so copies made the old way are not reused. */
const VARIANT_RECIPE = 1;

export function variantSpec(platform: Platform): VariantSpec {
  const { maxDimension, maxBytes } = rulesFor(platform).media;
  return { maxDimension, maxBytes, types: PLATFORM_IMAGE_TYPES[platform] };
}

/** What the variant code needs of a Media row. */
export interface StoredMedia {
  id: string;
  storagePath: string;
  mimeType: string;
  bytes: number;
  width: number;
  height: number;
}

export type PlatformVariant =
  | {
      platform: Platform;
      fits: true;
      /** Relative to MEDIA_DIR. */ file: string;
      facts: ImageFacts;
    }
  | {
      platform: Platform;
      fits: false;
      /** The smallest copy we could make. */ facts: ImageFacts;
      message: string;
    };

const Facts = z.object({
  mimeType: z.enum(IMAGE_TYPES),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** The record kept beside a variant: which file to serve (null when none fits) and its facts. */
const VariantRecord = z.object({ file: z.string().nullable(), facts: Facts });
type VariantRecord = z.infer<typeof VariantRecord>;

// Two requests for the same copy at once (a preview and the image route) share one making.
const inFlight = new Map<string, Promise<VariantRecord>>();

export async function platformVariant(
  media: StoredMedia,
  platform: Platform,
): Promise<PlatformVariant> {
  const spec = variantSpec(platform);
  const key = createHash('sha256')
    .update(JSON.stringify({ spec, recipe: VARIANT_RECIPE }))
    .digest('hex')
    .slice(0, 12);
  // Named with the image's id too: rows made elsewhere (test fixtures, imports) may keep several
  // originals in one folder, and their copies must not share a name.
  const recordPath = besideOriginal(
    media.storagePath,
    `${VARIANTS_FOLDER}/${media.id}-${platform}-${key}.json`,
  );

  let making = inFlight.get(recordPath);
  if (!making) {
    making = readOrMakeVariant(media, spec, recordPath).finally(() => inFlight.delete(recordPath));
    inFlight.set(recordPath, making);
  }
  const record = await making;
  if (record.file !== null) return { platform, fits: true, file: record.file, facts: record.facts };
  return {
    platform,
    fits: false,
    facts: record.facts,
    message: tooLargeMessage(platform, record.facts.bytes),
  };
}

async function readOrMakeVariant(
  media: StoredMedia,
  spec: VariantSpec,
  recordPath: string,
): Promise<VariantRecord> {
  const kept = await readRecord(recordPath);
  if (kept) return kept;

  const source = {
    data: await readFile(absoluteMediaPath(media.storagePath)),
    facts: Facts.parse({
      mimeType: media.mimeType,
      bytes: media.bytes,
      width: media.width,
      height: media.height,
    }),
  };
  const result = await encodeVariant(source, spec);
  let record: VariantRecord;
  if (result.kind === 'original') {
    record = { file: media.storagePath, facts: source.facts };
  } else if (result.kind === 'encoded') {
    const file = recordPath.replace(/\.json$/, `.${FILE_EXTENSION[result.image.facts.mimeType]}`);
    await writeFileAtomically(absoluteMediaPath(file), result.image.data);
    record = { file, facts: result.image.facts };
  } else {
    // Kept too, so every preview does not spend seconds finding out again.
    record = { file: null, facts: result.smallest };
  }
  // Written after the image, so a record never points at a file that is not there yet.
  await writeFileAtomically(absoluteMediaPath(recordPath), JSON.stringify(record));
  return record;
}

async function readRecord(recordPath: string): Promise<VariantRecord | null> {
  let text: string;
  try {
    text = await readFile(absoluteMediaPath(recordPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // A record that does not parse (an older shape, a damaged disk) is made again, not trusted.
  const parsed = VariantRecord.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

const megabytes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

function tooLargeMessage(platform: Platform, bytes: number): string {
  const { label, media } = rulesFor(platform);
  let size = `${megabytes.format(bytes / 1e6)} MB`;
  let limit = `${megabytes.format(media.maxBytes / 1e6)} MB`;
  if (size === limit)
    [size, limit] = [`${whole.format(bytes)} bytes`, `${whole.format(media.maxBytes)} bytes`];
  return `This image is still ${size} at the lowest quality we use, and ${label} takes images up to ${limit}. Crop it, or use a simpler image.`;
}
