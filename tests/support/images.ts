// Real images for tests, made with sharp: small solid ones for detection, photo-like ones (smooth
// gradients with grain) whose sizes behave like photographs', and pure noise, which no encoder can
// shrink much.
import sharp, { type Sharp } from 'sharp';

export type TestImageFormat = 'jpeg' | 'png' | 'webp';

function encode(image: Sharp, format: TestImageFormat): Promise<Buffer> {
  if (format === 'jpeg') return image.jpeg({ quality: 92 }).toBuffer();
  if (format === 'png') return image.png().toBuffer();
  return image.webp({ quality: 92 }).toBuffer();
}

/** A flat-coloured image: tiny files, for detection and the upload route. */
export function solidImage(
  format: TestImageFormat,
  width = 400,
  height = 300,
  options: { alpha?: boolean; colour?: string } = {},
): Promise<Buffer> {
  const background = options.colour ?? '#1f6f8b';
  const image = sharp({
    create: {
      width,
      height,
      channels: options.alpha ? 4 : 3,
      background: options.alpha ? { r: 31, g: 111, b: 139, alpha: 0.5 } : background,
    },
  });
  return encode(image, format);
}

/** Deterministic pseudo-random numbers, so a test's image is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** A photo-like image: gradients and soft shapes with grain of `grain` levels. */
export function photoPixels(width: number, height: number, grain = 16, seed = 1): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  const next = random(seed);
  const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = (y * width + x) * 3;
      const noise = (next() - 0.5) * grain;
      pixels[index] = clamp((x * 255) / width + noise);
      pixels[index + 1] = clamp((y * 255) / height + noise);
      pixels[index + 2] = clamp(128 + 60 * Math.sin(x / 40) * Math.cos(y / 50) + noise);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export function photo(
  format: TestImageFormat,
  width: number,
  height: number,
  grain = 16,
): Promise<Buffer> {
  return encode(photoPixels(width, height, grain), format);
}

/** Every pixel random: the worst case for any encoder's size. */
export function noise(
  format: TestImageFormat,
  width: number,
  height: number,
  seed = 7,
): Promise<Buffer> {
  const next = random(seed);
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = Math.floor(next() * 256);
  return encode(sharp(pixels, { raw: { width, height, channels: 3 } }), format);
}

/** A JPEG as a phone writes it: GPS position, camera details and a sideways orientation tag. */
export async function phonePhoto(width = 600, height = 400): Promise<Buffer> {
  const upright = await photoPixels(width, height).jpeg({ quality: 90 }).toBuffer();
  return sharp(upright)
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: {
        Make: 'Signpost Test Camera',
        Model: 'GPS 3000',
        Copyright: 'Jo Bloggs, 12 Acacia Avenue',
      },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 28/1 1234/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '2/1 14/1 5678/100',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}
