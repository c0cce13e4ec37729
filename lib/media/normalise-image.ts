// Turns a decoded upload into what Signpost stores: the image re-encoded in its own type (upright,
// every byte of metadata gone, because it is rebuilt from raw pixels) and a small WebP thumbnail
// for the composer.
import sharp from 'sharp';
import type { DecodedImage } from './detect-image';
import { type EncodedImage, ORIGINAL_QUALITY, encodeAs } from './image-encoding';
import { THUMBNAIL_SIDE_PX } from './upload-limits';

export interface NormalisedImage {
  original: EncodedImage;
  thumbnail: EncodedImage;
}

const THUMBNAIL_QUALITY = 80;

function pixels(image: DecodedImage) {
  return sharp(image.pixels, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
}

export async function normaliseImage(image: DecodedImage): Promise<NormalisedImage> {
  const [original, thumbnail] = await Promise.all([
    encodeAs(pixels(image), image.type, ORIGINAL_QUALITY),
    encodeAs(
      pixels(image).resize({
        width: THUMBNAIL_SIDE_PX,
        height: THUMBNAIL_SIDE_PX,
        fit: 'inside',
        withoutEnlargement: true,
      }),
      'image/webp',
      THUMBNAIL_QUALITY,
    ),
  ]);
  return { original, thumbnail };
}
