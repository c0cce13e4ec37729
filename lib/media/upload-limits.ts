// What Signpost accepts as an uploaded image. Pure, so the composer can check a file's size in the
// browser before sending it, and the server holds the same line.

/** The image types people may upload, judged by the file's content, never its name. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * 15 MB, counted in binary megabytes: Windows shows sizes that way, so a file it calls "14.9 MB"
 * is accepted. macOS counts in decimal and shows the same file as larger, never smaller.
 */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** Smaller than this on either side and the image is a thumbnail or an icon, not a post image. */
export const MIN_SIDE_PX = 200;
export const MAX_SIDE_PX = 10_000;

/**
 * Guards against decompression bombs: a few kilobytes of PNG can declare a 50,000 × 50,000 image.
 * 50 million pixels covers a 48-megapixel phone photo; decoded, it is at most 200 MB of RGBA.
 */
export const MAX_PIXELS = 50_000_000;

/** Longest side of the thumbnail the composer shows. */
export const THUMBNAIL_SIDE_PX = 320;

/** Alt text longer than this is a paragraph, not a description (Mastodon and X cap it near here). */
export const MAX_ALT_TEXT_LENGTH = 1_000;

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

/** A file size as people read it: "16.2 MB", "840 KB". Binary units, as the limit is. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The plain-words refusal for an oversized file, shared by the browser check and the server. */
export function tooLargeMessage(bytes: number): string {
  let size = formatFileSize(bytes);
  let limit = formatFileSize(MAX_UPLOAD_BYTES);
  // Just over the line, both round to "15 MB"; exact bytes show why it was refused.
  if (size === limit)
    [size, limit] = [`${whole.format(bytes)} bytes`, `${whole.format(MAX_UPLOAD_BYTES)} bytes`];
  return `That file is ${size}; images can be at most ${limit}.`;
}

/** When only the request's size is known, not the file's. */
export function uploadTooLargeMessage(): string {
  return `That file is larger than ${formatFileSize(MAX_UPLOAD_BYTES)}, the most an image can be.`;
}
