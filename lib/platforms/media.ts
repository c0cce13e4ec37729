// Media rules every platform shares the shape of, and the problems a message's images have on one
// platform. Pure: it judges the facts stored with each image and does not look at its bytes.
import type { MediaFacts, PlatformRules, Problem } from './types';

/**
 * What people may upload for any platform. The media pipeline converts to what each platform
 * takes (Instagram JPEG only, for example), so the rules judge the upload, not the conversion.
 */
export const UPLOADABLE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

const megabytes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB');

export function mediaProblems(rules: PlatformRules, media: readonly MediaFacts[]): Problem[] {
  const { label, media: limits } = rules;
  const problems: Problem[] = [];
  if (limits.requiresImage && media.length === 0) {
    problems.push({
      code: 'media_required',
      message: `${label} cannot publish text alone; add an image.`,
    });
  }
  if (media.length > limits.maxImages) {
    problems.push({
      code: 'media_too_many',
      message: `${label} takes up to ${limits.maxImages} images; this message has ${media.length}.`,
    });
  }
  media.forEach((image, index) => {
    const name = `Image ${index + 1}`;
    if (!limits.mimeTypes.includes(image.mimeType)) {
      problems.push({
        code: 'media_wrong_type',
        message: `${name} is ${image.mimeType || 'of an unknown type'}; use a ${typeList(limits.mimeTypes)} image.`,
      });
    }
    if (image.bytes > limits.maxBytes) {
      const [size, max] = sizes(image.bytes, limits.maxBytes);
      problems.push({
        code: 'media_too_large',
        message: `${name} is ${size}; ${label} takes images up to ${max}.`,
      });
    }
    if (image.altText.trim() === '') {
      problems.push({
        code: 'media_missing_alt_text',
        message: `${name} has no alt text; describe it for people who use screen readers.`,
      });
    }
  });
  return problems;
}

function typeList(types: readonly string[]): string {
  const names = types.map((type) => TYPE_NAMES[type] ?? type);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Sizes in decimal megabytes, or in bytes when rounding would make them look equal. */
function sizes(bytes: number, limit: number): [string, string] {
  const size = `${megabytes.format(bytes / 1e6)} MB`;
  const max = `${megabytes.format(limit / 1e6)} MB`;
  return size === max
    ? [`${whole.format(bytes)} bytes`, `${whole.format(limit)} bytes`]
    : [size, max];
}
