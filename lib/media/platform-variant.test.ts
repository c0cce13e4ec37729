import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noise, photo, solidImage } from '@/tests/support/images';

// Before lib/env is first read: this file's copies go to a folder of its own.
vi.hoisted(() => {
  process.env.MEDIA_DIR = `var/unit-media-${process.pid}-platform-variant`;
});

// Counted, to show when a copy is made and when it is read back.
vi.mock('./encode-variant', async (importOriginal) => {
  const original = await importOriginal<typeof import('./encode-variant')>();
  return { ...original, encodeVariant: vi.fn(original.encodeVariant) };
});

const { encodeVariant } = await import('./encode-variant');
const { absoluteMediaPath, mediaRoot, writeFileAtomically } = await import('./media-files');
const { platformVariant } = await import('./platform-variant');
const { platformMediaFacts } = await import('./media-facts');
const { mediaProblems } = await import('../platforms/media');
const { rulesFor } = await import('../platforms/rules');

let count = 0;

/** Stores `data` as an image's original, as storeMedia would, and returns its row's fields. */
async function storedImage(data: Buffer) {
  const { format, width, height } = await sharp(data).metadata();
  const id = `ctestimage${String(++count).padStart(15, '0')}`;
  const storagePath = `2026/03/${id}/original.${format === 'jpeg' ? 'jpg' : format}`;
  await writeFileAtomically(absoluteMediaPath(storagePath), data);
  return { id, storagePath, mimeType: `image/${format}`, bytes: data.byteLength, width, height };
}

beforeAll(async () => {
  await rm(mediaRoot(), { recursive: true, force: true });
});

afterAll(async () => {
  await rm(mediaRoot(), { recursive: true, force: true });
});

describe('platformVariant', () => {
  it('makes a platform’s copy once, keeps it beside the original, and reuses it', async () => {
    const media = await storedImage(await photo('png', 1800, 1200));
    const first = await platformVariant(media, 'instagram');
    expect(first).toMatchObject({
      platform: 'instagram',
      fits: true,
      facts: { mimeType: 'image/jpeg', width: 1440, height: 960 },
    });
    if (!first.fits) return;
    expect(first.file).toMatch(
      new RegExp(`^2026/03/${media.id}/variants/${media.id}-instagram-[0-9a-f]{12}\\.jpg$`),
    );
    const bytes = await readFile(absoluteMediaPath(first.file));
    expect(bytes.byteLength).toBe(first.facts.bytes);
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');

    const madeAt = (await stat(absoluteMediaPath(first.file))).mtimeMs;
    vi.mocked(encodeVariant).mockClear();
    const again = await platformVariant(media, 'instagram');
    expect(again).toEqual(first);
    expect(encodeVariant).not.toHaveBeenCalled();
    expect((await stat(absoluteMediaPath(first.file))).mtimeMs).toBe(madeAt);
  });

  it('points at the original when the platform takes it unchanged, writing no copy', async () => {
    const media = await storedImage(await solidImage('jpeg', 1200, 800));
    const variant = await platformVariant(media, 'x');
    expect(variant).toMatchObject({
      fits: true,
      file: media.storagePath,
      facts: { bytes: media.bytes },
    });
    const folder = path.dirname(absoluteMediaPath(media.storagePath));
    expect(
      (await readdir(path.join(folder, 'variants'))).filter((name) => !name.endsWith('.json')),
    ).toEqual([]);
  });

  it('makes the copy once when two callers ask at the same moment', async () => {
    const media = await storedImage(await photo('webp', 1000, 800));
    vi.mocked(encodeVariant).mockClear();
    const [one, two] = await Promise.all([
      platformVariant(media, 'facebook'),
      platformVariant(media, 'facebook'),
    ]);
    expect(one).toEqual(two);
    expect(encodeVariant).toHaveBeenCalledTimes(1);
    const folder = path.join(path.dirname(absoluteMediaPath(media.storagePath)), 'variants');
    expect((await readdir(folder)).sort()).toEqual([
      expect.stringMatching(/-facebook-[0-9a-f]{12}\.jpg$/),
      expect.stringMatching(/-facebook-[0-9a-f]{12}\.json$/),
    ]);
  });

  it('keeps the copies of two originals that share a folder apart', async () => {
    const write = async (name: string, data: Buffer) => {
      const { width, height } = await sharp(data).metadata();
      await writeFileAtomically(absoluteMediaPath(`shared/${name}.png`), data);
      return {
        id: `c${name.padEnd(24, '0')}`,
        storagePath: `shared/${name}.png`,
        mimeType: 'image/png',
        bytes: data.byteLength,
        width,
        height,
      };
    };
    const red = await write('red', await solidImage('png', 300, 300, { colour: '#ff0000' }));
    const blue = await write('blue', await solidImage('png', 300, 300, { colour: '#0000ff' }));
    const [redCopy, blueCopy] = [
      await platformVariant(red, 'instagram'),
      await platformVariant(blue, 'instagram'),
    ];
    if (!redCopy.fits || !blueCopy.fits) throw new Error('expected both copies to fit');
    expect(redCopy.file).not.toBe(blueCopy.file);
    const { dominant } = await sharp(await readFile(absoluteMediaPath(blueCopy.file))).stats();
    expect(dominant.b).toBeGreaterThan(200);
  });

  it('says in plain words when an image cannot be made small enough, and remembers it', async () => {
    const media = await storedImage(await noise('png', 2000, 2000));
    const variant = await platformVariant(media, 'bluesky');
    expect(variant.fits).toBe(false);
    if (variant.fits) return;
    expect(variant.message).toMatch(
      /^This image is still \d\.\d MB at the lowest quality we use, and Bluesky takes images up to 1 MB\. Crop it, or use a simpler image\.$/,
    );
    // The second answer is read from the record, not worked out again (which takes seconds).
    vi.mocked(encodeVariant).mockClear();
    expect(await platformVariant(media, 'bluesky')).toEqual(variant);
    expect(encodeVariant).not.toHaveBeenCalled();
  }, 30_000);
});

describe('platformMediaFacts', () => {
  it('judges the copy the platform receives: a 3 MB PNG passes Bluesky once it is a JPEG', async () => {
    const png = await sharp(await photo('png', 2000, 1500))
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(3_000_000);
    const media = await storedImage(png);
    const attached = [{ altText: 'A poster with the helpline number', media }];

    // Judged by the upload, Bluesky would refuse it.
    const asUploaded = [{ ...media, altText: attached[0]!.altText }];
    expect(mediaProblems(rulesFor('bluesky'), asUploaded).map((problem) => problem.code)).toEqual([
      'media_too_large',
    ]);

    const facts = await platformMediaFacts('bluesky', attached);
    expect(facts).toEqual([
      {
        mimeType: 'image/jpeg',
        bytes: expect.any(Number),
        width: 2000,
        height: 1500,
        altText: 'A poster with the helpline number',
      },
    ]);
    expect(mediaProblems(rulesFor('bluesky'), facts)).toEqual([]);
  });

  it('reports an image no copy of which fits, in the renderer’s own words', async () => {
    const media = await storedImage(await noise('jpeg', 2000, 2000));
    const facts = await platformMediaFacts('bluesky', [{ altText: 'Static', media }]);
    const problems = mediaProblems(rulesFor('bluesky'), facts);
    expect(problems).toEqual([
      {
        code: 'media_too_large',
        message: expect.stringMatching(/^Image 1 is \d\.\d MB; Bluesky takes images up to 1 MB\.$/),
      },
    ]);
  }, 30_000);
});
