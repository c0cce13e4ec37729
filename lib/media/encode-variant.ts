// Makes the copy of an image one platform receives: no larger than the platform shows, in a type
// its API takes, and under its byte limit, trying lower qualities until it fits. Knows nothing of
// platforms by name: it is given their limits.
import sharp from 'sharp';
import { type EncodedImage, type ImageFacts, LOSSY, encodeAs } from './image-encoding';
import type { ImageType } from './upload-limits';

export interface VariantSpec {
  /** Longest side, in pixels. Smaller images are never enlarged. */
  maxDimension: number;
  maxBytes: number;
  /** The types the platform takes. The image keeps its own type when it is one of them. */
  types: readonly ImageType[];
}

export type VariantResult =
  /** The stored image already fits: the platform gets it unchanged, with no second loss. */
  | { kind: 'original' }
  | { kind: 'encoded'; image: EncodedImage }
  /** Nothing we are willing to make fits; `smallest` is the closest attempt. */
  | { kind: 'too_large'; smallest: ImageFacts };

/**
 * Qualities tried in turn. Below 45 JPEG shows blocks and banding in the flat colours and text
 * campaign graphics are made of: a platform would show something worse than no image.
 */
export const QUALITY_STEPS = [90, 84, 78, 72, 66, 60, 52, 45] as const;

interface Attempt {
  type: ImageType;
  quality: number;
}

/** The type to convert to when the image's own is not taken: JPEG, which every platform takes. */
function targetType(own: ImageType, spec: VariantSpec): ImageType | null {
  if (spec.types.includes(own)) return own;
  if (spec.types.includes('image/jpeg')) return 'image/jpeg';
  return spec.types[0] ?? null;
}

/**
 * Every encoding to try, best first: lossy types down the quality steps; PNG once, then JPEG.
 * `losslessEstimate` is the PNG's likely size at the new dimensions; when it is far over the
 * limit the PNG attempt (seconds, for a large photo) is skipped.
 */
export function attemptsFor(own: ImageType, spec: VariantSpec, losslessEstimate = 0): Attempt[] {
  const target = targetType(own, spec);
  if (!target) return [];
  const lossy = (type: ImageType) => QUALITY_STEPS.map((quality) => ({ type, quality }));
  if (LOSSY[target]) return lossy(target);
  // A photo saved as PNG is often several times larger than the same photo as JPEG: converting
  // is what lets a 3 MB PNG go to Bluesky (1 MB) at all.
  const fallback = spec.types.includes('image/jpeg') ? lossy('image/jpeg') : [];
  if (fallback.length > 0 && losslessEstimate > 2 * spec.maxBytes) return fallback;
  return [{ type: target, quality: 100 }, ...fallback];
}

export async function encodeVariant(
  source: EncodedImage,
  spec: VariantSpec,
): Promise<VariantResult> {
  const { facts } = source;
  if (
    spec.types.includes(facts.mimeType) &&
    Math.max(facts.width, facts.height) <= spec.maxDimension &&
    facts.bytes <= spec.maxBytes
  ) {
    return { kind: 'original' };
  }

  // Decoded and resized once; every attempt encodes from the same pixels.
  const { data, info } = await sharp(source.data)
    .resize({
      width: spec.maxDimension,
      height: spec.maxDimension,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = () =>
    sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

  let smallest: ImageFacts | null = null;
  // PNG size grows roughly with the pixel count.
  const estimate = facts.bytes * ((info.width * info.height) / (facts.width * facts.height));
  for (const attempt of attemptsFor(facts.mimeType, spec, estimate)) {
    const image = await encodeAs(pixels(), attempt.type, attempt.quality);
    if (image.facts.bytes <= spec.maxBytes) return { kind: 'encoded', image };
    if (!smallest || image.facts.bytes < smallest.bytes) smallest = image.facts;
  }
  return { kind: 'too_large', smallest: smallest ?? { ...facts } };
}
