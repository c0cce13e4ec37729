import { describe, expect, it } from 'vitest';
import { blueskyRules } from './bluesky';
import { instagramRules } from './instagram';
import { mediaProblems } from './media';
import type { MediaFacts } from './types';
import { xRules } from './x';

const image = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({
  mimeType: 'image/jpeg',
  bytes: 200_000,
  width: 1200,
  height: 675,
  altText: 'Campaign poster with the helpline number',
  ...overrides,
});

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('mediaProblems', () => {
  it('finds nothing wrong with well-described images within the rules', () => {
    expect(mediaProblems(xRules, [image(), image({ mimeType: 'image/png' })])).toEqual([]);
    expect(mediaProblems(xRules, [])).toEqual([]);
  });

  it('says how many images the platform takes when there are too many', () => {
    const problems = mediaProblems(
      xRules,
      Array.from({ length: 5 }, () => image()),
    );
    expect(problems).toEqual([
      { code: 'media_too_many', message: 'X takes up to 4 images; this message has 5.' },
    ]);
    expect(
      mediaProblems(
        xRules,
        Array.from({ length: 4 }, () => image()),
      ),
    ).toEqual([]);
  });

  it('names the image that is too large and the platform’s maximum', () => {
    expect(mediaProblems(xRules, [image(), image({ bytes: 6_100_000 })])).toEqual([
      { code: 'media_too_large', message: 'Image 2 is 6.1 MB; X takes images up to 5 MB.' },
    ]);
    expect(mediaProblems(xRules, [image({ bytes: 5_000_000 })])).toEqual([]);
  });

  it('gives exact bytes when megabytes would make the sizes look equal', () => {
    expect(mediaProblems(blueskyRules, [image({ bytes: 1_000_001 })])[0]?.message).toBe(
      'Image 1 is 1,000,001 bytes; Bluesky takes images up to 1,000,000 bytes.',
    );
  });

  it('refuses types other than JPEG, PNG and WebP', () => {
    expect(mediaProblems(xRules, [image({ mimeType: 'image/gif' })])).toEqual([
      { code: 'media_wrong_type', message: 'Image 1 is image/gif; use a JPEG, PNG or WebP image.' },
    ]);
    expect(codes(mediaProblems(xRules, [image({ mimeType: '' })]))).toEqual(['media_wrong_type']);
  });

  it('asks for alt text on every image, blank alt text included', () => {
    expect(mediaProblems(xRules, [image({ altText: '  ' })])).toEqual([
      {
        code: 'media_missing_alt_text',
        message: 'Image 1 has no alt text; describe it for people who use screen readers.',
      },
    ]);
  });

  it('reports that Instagram cannot publish a caption without an image', () => {
    expect(mediaProblems(instagramRules, [])).toEqual([
      { code: 'media_required', message: 'Instagram cannot publish text alone; add an image.' },
    ]);
    expect(mediaProblems(instagramRules, [image()])).toEqual([]);
  });

  it('reports every problem of every image', () => {
    const problems = mediaProblems(xRules, [
      image({ mimeType: 'image/tiff', altText: '' }),
      image({ bytes: 9_000_000 }),
    ]);
    expect(codes(problems)).toEqual([
      'media_wrong_type',
      'media_missing_alt_text',
      'media_too_large',
    ]);
  });
});
