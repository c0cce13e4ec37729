import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { phonePhoto, solidImage } from '@/tests/support/images';
import { decodeImage } from './detect-image';
import { normaliseImage } from './normalise-image';

async function normalise(bytes: Buffer) {
  return normaliseImage(await decodeImage(bytes));
}

describe('normaliseImage', () => {
  it('removes the EXIF a phone writes, GPS position included', async () => {
    const upload = await phonePhoto();
    // The test image really carries what must go: EXIF with a GPS block and the owner's address.
    const before = await sharp(upload).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer tag
    expect(before.exif?.includes(Buffer.from('Acacia Avenue'))).toBe(true);

    const { original, thumbnail } = await normalise(upload);
    for (const stored of [original.data, thumbnail.data]) {
      const after = await sharp(stored).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect(stored.includes(Buffer.from('Acacia Avenue'))).toBe(false);
      expect(stored.includes(Buffer.from('GPS 3000'))).toBe(false);
    }
  });

  it('turns a sideways phone photo upright by its EXIF orientation', async () => {
    // Stored as 600 × 400 with "rotate 90° clockwise": the person sees it 400 wide, 600 tall.
    const { original, thumbnail } = await normalise(await phonePhoto(600, 400));
    expect(original.facts).toMatchObject({ mimeType: 'image/jpeg', width: 400, height: 600 });
    expect(thumbnail.facts).toMatchObject({ width: 213, height: 320 });
  });

  it.each(['jpeg', 'png', 'webp'] as const)(
    'keeps a %s upload in its own type, at its size',
    async (format) => {
      const { original } = await normalise(await solidImage(format, 800, 500));
      expect(original.facts).toMatchObject({
        mimeType: `image/${format}`,
        width: 800,
        height: 500,
      });
      expect((await sharp(original.data).metadata()).format).toBe(format);
      expect(original.facts.bytes).toBe(original.data.byteLength);
    },
  );

  it('makes a WebP thumbnail 320 px on its longest side, never enlarged', async () => {
    const wide = await normalise(await solidImage('png', 1600, 900));
    expect(wide.thumbnail.facts).toMatchObject({ mimeType: 'image/webp', width: 320, height: 180 });
    expect((await sharp(wide.thumbnail.data).metadata()).format).toBe('webp');
    const small = await normalise(await solidImage('jpeg', 240, 200));
    expect(small.thumbnail.facts).toMatchObject({ width: 240, height: 200 });
  });

  it('keeps a PNG’s transparency in the original and the thumbnail', async () => {
    const { original, thumbnail } = await normalise(
      await solidImage('png', 400, 400, { alpha: true }),
    );
    expect((await sharp(original.data).metadata()).hasAlpha).toBe(true);
    expect((await sharp(thumbnail.data).metadata()).hasAlpha).toBe(true);
  });
});
