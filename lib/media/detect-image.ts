// Decides whether uploaded bytes are an image Signpost takes, by their content: the magic bytes at
// the start of the file (never its name or the type the browser declared, both of which the
// uploader controls), then a full decode with sharp, so a truncated or corrupt image is refused at
// upload and not half-way through publishing.
import sharp from 'sharp';
import { AppError } from '../errors';
import { log } from '../log';
import { type ImageType, MAX_PIXELS, MAX_SIDE_PX, MIN_SIDE_PX } from './upload-limits';

export const NOT_AN_IMAGE = 'That file is not a JPEG, PNG or WebP image.';
export const EMPTY_FILE = 'That file is empty; choose a JPEG, PNG or WebP image.';
export const UNREADABLE_IMAGE =
  'That image could not be read: it may be damaged or cut short. Save it again and upload the new copy.';

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const SIGNATURES: readonly { type: ImageType; parts: readonly (readonly [number, number[]])[] }[] =
  [
    { type: 'image/jpeg', parts: [[0, [0xff, 0xd8, 0xff]]] },
    { type: 'image/png', parts: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]] },
    // RIFF container, 4 bytes of length, then the WEBP form type.
    {
      type: 'image/webp',
      parts: [
        [0, ascii('RIFF')],
        [8, ascii('WEBP')],
      ],
    },
  ];

/** sharp's name for each format, to check the decoder agrees with the magic bytes. */
const SHARP_FORMAT: Record<ImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The image type the bytes start like, or null. Pure: looks at the first 12 bytes only. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const matches = (offset: number, signature: number[]) =>
    signature.every((byte, index) => bytes[offset + index] === byte);
  const found = SIGNATURES.find(({ parts }) =>
    parts.every(([offset, signature]) => matches(offset, signature)),
  );
  return found?.type ?? null;
}

/** An upload that decoded cleanly, as upright raw pixels: no metadata survives in this form. */
export interface DecodedImage {
  type: ImageType;
  /** Upright: the EXIF orientation has been applied. */
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  hasAlpha: boolean;
  pixels: Buffer;
}

const refuse = (message: string, reason = message) =>
  new AppError('validation_failed', message, { file: reason });

const whole = new Intl.NumberFormat('en-GB');
const millions = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Refuses sizes no platform would show well, before any pixel is decoded. */
function checkDimensions(width: number, height: number): void {
  const size = `${whole.format(width)} × ${whole.format(height)} pixels`;
  if (Math.min(width, height) < MIN_SIDE_PX) {
    throw refuse(
      `That image is ${size}; images must be at least ${MIN_SIDE_PX} pixels on each side.`,
      `must be at least ${MIN_SIDE_PX} pixels on each side`,
    );
  }
  if (Math.max(width, height) > MAX_SIDE_PX) {
    throw refuse(
      `That image is ${size}; images can be at most ${whole.format(MAX_SIDE_PX)} pixels on a side.`,
      `must be at most ${whole.format(MAX_SIDE_PX)} pixels on a side`,
    );
  }
  if (width * height > MAX_PIXELS) {
    throw refuse(
      `That image has ${millions.format((width * height) / 1e6)} million pixels; the most we take is ${millions.format(MAX_PIXELS / 1e6)} million.`,
      `must have at most ${millions.format(MAX_PIXELS / 1e6)} million pixels`,
    );
  }
}

/**
 * The upload as upright pixels, or a 400 naming what is wrong with it: empty, not a JPEG, PNG or
 * WebP, too small, too large, or unreadable. The header is read first, so a decompression bomb
 * is refused by its declared size before any memory is spent on it; sharp's `limitInputPixels`
 * is the backstop if the header lies.
 */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  if (bytes.byteLength === 0) throw refuse(EMPTY_FILE);
  const type = sniffImageType(bytes);
  if (!type) throw refuse(NOT_AN_IMAGE);

  // failOn 'error': a truncated or corrupt image fails, but the harmless warnings some cameras'
  // files raise ("extraneous bytes before marker") do not turn good photos away.
  const options = { failOn: 'error', limitInputPixels: MAX_PIXELS, autoOrient: true } as const;
  // The header read has no pixel limit, so the refusal can say how many pixels there are;
  // reading a header decodes nothing.
  const header = await readOrRefuse(() =>
    sharp(bytes, { ...options, limitInputPixels: false }).metadata(),
  );
  if (header.format !== SHARP_FORMAT[type]) throw refuse(NOT_AN_IMAGE);
  checkDimensions(header.width, header.height);

  // Animated WebP and PNG decode to their first frame (sharp's default): a still post image.
  const { data, info } = await readOrRefuse(() =>
    sharp(bytes, options).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true }),
  );
  return {
    type,
    width: info.width,
    height: info.height,
    channels: info.channels,
    hasAlpha: info.hasAlpha,
    pixels: data,
  };
}

/** sharp's failures on untrusted bytes are the uploader's problem, not ours: a 400, not a 500. */
async function readOrRefuse<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw refuse(
        `That image has more pixels than the ${millions.format(MAX_PIXELS / 1e6)} million we take.`,
        `must have at most ${millions.format(MAX_PIXELS / 1e6)} million pixels`,
      );
    }
    // Kept in the log: a decoder failure on a file that looks fine to its owner is worth a look.
    log.debug({ err: error }, 'an uploaded image could not be decoded');
    throw refuse(UNREADABLE_IMAGE, 'could not be read as an image');
  }
}
