import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noise, photo, solidImage } from '@/tests/support/images';
import { rulesFor } from '../platforms/rules';
import { PLATFORMS } from '../platforms/types';
import { QUALITY_STEPS, type VariantSpec, attemptsFor, encodeVariant } from './encode-variant';
import type { EncodedImage } from './image-encoding';
import { PLATFORM_IMAGE_TYPES, variantSpec } from './platform-variant';
import type { ImageType } from './upload-limits';

async function stored(data: Buffer): Promise<EncodedImage> {
  const { format, width, height } = await sharp(data).metadata();
  return {
    data,
    facts: { mimeType: `image/${format}` as ImageType, bytes: data.byteLength, width, height },
  };
}

async function made(source: EncodedImage, spec: VariantSpec) {
  const result = await encodeVariant(source, spec);
  if (result.kind !== 'encoded') throw new Error(`expected a new copy, got ${result.kind}`);
  const decoded = await sharp(result.image.data).metadata();
  return { ...result.image, decoded };
}

describe('encodeVariant', () => {
  it('gives the stored image unchanged when the platform takes it as it is', async () => {
    const source = await stored(await photo('jpeg', 1200, 800));
    expect(await encodeVariant(source, variantSpec('x'))).toEqual({ kind: 'original' });
    expect(await encodeVariant(source, variantSpec('instagram'))).toEqual({ kind: 'original' });
  });

  it('shrinks an image to the platform’s longest side, keeping its shape', async () => {
    const source = await stored(await photo('jpeg', 3000, 2000));
    const copy = await made(source, variantSpec('instagram'));
    expect(copy.facts).toMatchObject({ mimeType: 'image/jpeg', width: 1440, height: 960 });
    expect(copy.decoded).toMatchObject({ format: 'jpeg', width: 1440, height: 960 });
    expect(copy.facts.bytes).toBe(copy.data.byteLength);
  });

  it.each(['instagram', 'threads'] as const)(
    'converts PNG and WebP to JPEG for %s',
    async (platform) => {
      for (const format of ['png', 'webp'] as const) {
        const copy = await made(await stored(await photo(format, 800, 600)), variantSpec(platform));
        expect(copy.facts).toMatchObject({ mimeType: 'image/jpeg', width: 800, height: 600 });
        expect(copy.decoded.format).toBe('jpeg');
      }
    },
  );

  it('converts WebP for Facebook, LinkedIn and Nextdoor, whose APIs do not take it', async () => {
    const source = await stored(await photo('webp', 800, 600));
    for (const platform of ['facebook', 'linkedin', 'nextdoor'] as const) {
      expect((await made(source, variantSpec(platform))).facts.mimeType).toBe('image/jpeg');
    }
    expect(await encodeVariant(source, variantSpec('mastodon'))).toEqual({ kind: 'original' });
  });

  it('makes a 3 MB PNG photo fit Bluesky’s 1,000,000 bytes as a JPEG', async () => {
    const source = await stored(
      await sharp(await photo('png', 2000, 1500))
        .png({ compressionLevel: 9 })
        .toBuffer(),
    );
    expect(source.facts.bytes).toBeGreaterThan(3_000_000);
    const copy = await made(source, variantSpec('bluesky'));
    expect(copy.facts).toMatchObject({ mimeType: 'image/jpeg', width: 2000, height: 1500 });
    expect(copy.facts.bytes).toBeLessThanOrEqual(1_000_000);
  });

  it('lowers the quality step by step until the image is under the byte limit', async () => {
    const source = await stored(await photo('jpeg', 1600, 1200, 40));
    const atTop = await made(source, {
      maxDimension: 1600,
      maxBytes: source.facts.bytes - 1,
      types: ['image/jpeg'],
    });
    const tight = await made(source, {
      maxDimension: 1600,
      maxBytes: 250_000,
      types: ['image/jpeg'],
    });
    expect(source.facts.bytes).toBeGreaterThan(250_000);
    expect(tight.facts.bytes).toBeLessThanOrEqual(250_000);
    expect(tight.facts.bytes).toBeLessThan(atTop.facts.bytes);
    expect(tight.facts).toMatchObject({ width: 1600, height: 1200 });
  });

  it('says so when even the lowest quality is over the limit, with the smallest size reached', async () => {
    const source = await stored(await noise('png', 2000, 2000));
    const result = await encodeVariant(source, variantSpec('bluesky'));
    expect(result.kind).toBe('too_large');
    if (result.kind !== 'too_large') return;
    expect(result.smallest.mimeType).toBe('image/jpeg');
    expect(result.smallest.bytes).toBeGreaterThan(1_000_000);
    expect(result.smallest.bytes).toBeLessThan(source.facts.bytes);
  }, 30_000);

  it('lays a transparent image on white when it must become a JPEG', async () => {
    const source = await stored(await solidImage('png', 300, 300, { alpha: true }));
    const copy = await made(source, variantSpec('instagram'));
    expect(copy.decoded.hasAlpha).toBe(false);
    const { dominant } = await sharp(copy.data).stats();
    // 50% of rgb(31, 111, 139) over white.
    expect(dominant.r).toBeGreaterThan(120);
    expect(dominant.g).toBeGreaterThan(160);
  });

  it('makes, for every platform, a copy of a large photo within its size, type and byte rules', async () => {
    const source = await stored(await photo('jpeg', 4200, 2800, 24));
    for (const platform of PLATFORMS) {
      const { media } = rulesFor(platform);
      const result = await encodeVariant(source, variantSpec(platform));
      if (result.kind !== 'encoded') throw new Error(`${platform}: ${result.kind}`);
      const { facts } = result.image;
      expect(Math.max(facts.width, facts.height), platform).toBe(media.maxDimension);
      expect(facts.bytes, platform).toBeLessThanOrEqual(media.maxBytes);
      expect(PLATFORM_IMAGE_TYPES[platform], platform).toContain(facts.mimeType);
      expect(media.mimeTypes, platform).toContain(facts.mimeType);
    }
  }, 60_000);
});

describe('attemptsFor', () => {
  const spec = (types: ImageType[]): VariantSpec => ({
    maxDimension: 2000,
    maxBytes: 1_000_000,
    types,
  });

  it('steps a lossy image down the qualities in its own type when the platform takes it', () => {
    expect(attemptsFor('image/webp', spec(['image/jpeg', 'image/webp']))).toEqual(
      QUALITY_STEPS.map((quality) => ({ type: 'image/webp', quality })),
    );
  });

  it('tries a PNG as PNG once, then as JPEG down the qualities', () => {
    const attempts = attemptsFor('image/png', spec(['image/jpeg', 'image/png']));
    expect(attempts[0]).toEqual({ type: 'image/png', quality: 100 });
    expect(attempts.slice(1)).toEqual(
      QUALITY_STEPS.map((quality) => ({ type: 'image/jpeg', quality })),
    );
  });

  it('skips the PNG attempt when the PNG would be far over the limit', () => {
    const attempts = attemptsFor('image/png', spec(['image/jpeg', 'image/png']), 2_500_000);
    expect(attempts[0]).toEqual({ type: 'image/jpeg', quality: 90 });
    expect(attemptsFor('image/png', spec(['image/png']), 2_500_000)).toEqual([
      { type: 'image/png', quality: 100 },
    ]);
  });

  it('goes straight to JPEG when the platform does not take the image’s type', () => {
    expect(attemptsFor('image/png', spec(['image/jpeg']))[0]).toEqual({
      type: 'image/jpeg',
      quality: 90,
    });
  });

  it('never goes below quality 45', () => {
    expect(Math.min(...QUALITY_STEPS)).toBe(45);
  });
});
