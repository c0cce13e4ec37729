// How Signpost writes images: one encoder per type with the settings every stored image and
// platform variant shares. sharp writes no metadata unless asked to, and we never ask: EXIF (GPS
// position, camera serial numbers), XMP and IPTC never leave this module.
import type { Sharp } from 'sharp';
import type { ImageType } from './upload-limits';

/** What the rules need to know about an image as stored or as a platform receives it. */
export interface ImageFacts {
  mimeType: ImageType;
  bytes: number;
  width: number;
  height: number;
}

export interface EncodedImage {
  data: Buffer;
  facts: ImageFacts;
}

export const FILE_EXTENSION: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Whether lowering `quality` makes the file smaller (PNG is lossless: quality means nothing). */
export const LOSSY: Record<ImageType, boolean> = {
  'image/jpeg': true,
  'image/png': false,
  'image/webp': true,
};

/** Quality for the stored original: visually lossless, so later variants start from good pixels. */
export const ORIGINAL_QUALITY = 90;

function withEncoder(pipeline: Sharp, type: ImageType, quality: number): Sharp {
  switch (type) {
    case 'image/jpeg':
      // libjpeg-turbo, not mozjpeg: mozjpeg saves ~10% but takes 5-8 times as long on a photo.
      // JPEG has no alpha: a transparent PNG or WebP is laid on white, as the platforms would.
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, progressive: true });
    case 'image/png':
      // Adaptive filtering shrinks graphics and photos alike several-fold; zlib level 9 over 6
      // measured slower and no smaller on both.
      return pipeline.png({ compressionLevel: 6, adaptiveFiltering: true });
    case 'image/webp':
      return pipeline.webp({ quality });
  }
}

/** Encodes `pipeline` as `type`; the facts are those of the bytes written. */
export async function encodeAs(
  pipeline: Sharp,
  type: ImageType,
  quality: number,
): Promise<EncodedImage> {
  const { data, info } = await withEncoder(pipeline, type, quality).toBuffer({
    resolveWithObject: true,
  });
  return {
    data,
    facts: { mimeType: type, bytes: data.byteLength, width: info.width, height: info.height },
  };
}
