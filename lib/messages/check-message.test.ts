import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type MediaFacts, type Platform, type Publisher } from '../platforms/types';
import { DEFAULT_SIGNPOST } from '../signpost/default-signpost';
import { checkMessage, type MessageUnderCheck } from './check-message';

const lancashire: Publisher = {
  slug: 'lancashire',
  name: 'Lancashire Constabulary',
  area: 'Lancashire',
};
const rocu: Publisher = {
  slug: 'nw-rocu',
  name: 'North West Regional Organised Crime Unit',
  area: 'the North West',
};
const organisations = [lancashire, rocu];

const image: MediaFacts = {
  mimeType: 'image/jpeg',
  bytes: 200_000,
  width: 1080,
  height: 1080,
  altText: 'A helpline poster',
};

function message(fields: Partial<MessageUnderCheck>): MessageUnderCheck {
  return {
    body: 'Help is available.',
    overrides: {},
    media: [],
    campaignSlug: 'stop-it-now-north-west',
    ...fields,
  };
}

const codes = (findings: { platform: Platform | null; code: string }[]) =>
  findings.map((finding) => `${finding.platform ?? '*'}:${finding.code}`).sort();

describe('checkMessage', () => {
  it('passes a short message, warning only that Instagram needs an image', () => {
    const check = checkMessage(message({}), DEFAULT_SIGNPOST, organisations);
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([
      {
        field: 'media',
        platform: 'instagram',
        code: 'media_required',
        message: 'Instagram cannot publish text alone; add an image.',
        organisations: ['lancashire', 'nw-rocu'],
      },
    ]);
  });

  it('has nothing to say about a short message with an image', () => {
    expect(checkMessage(message({ media: [image] }), DEFAULT_SIGNPOST, organisations)).toEqual({
      ok: true,
      problems: [],
      warnings: [],
    });
  });

  it('warns, without refusing, about a body too long for the short platforms, and says an override fixes it', () => {
    const check = checkMessage(
      message({ body: 'word '.repeat(80).trim(), media: [image] }),
      DEFAULT_SIGNPOST,
      organisations,
    );
    expect(check.ok).toBe(true);
    expect(codes(check.warnings)).toEqual(['bluesky:too_long', 'threads:too_long', 'x:too_long']);
    const x = check.warnings.find((warning) => warning.platform === 'x');
    expect(x).toMatchObject({ field: 'body', organisations: ['lancashire', 'nw-rocu'] });
    expect(x?.message).toMatch(
      /^X: \d+ characters over the 280 limit, even with the short signpost\. Add a shorter X version/,
    );
  });

  it('takes an override instead of the body on its platform', () => {
    const check = checkMessage(
      message({
        body: 'word '.repeat(80).trim(),
        media: [image],
        overrides: {
          x: 'Short for X.',
          bluesky: 'Short for Bluesky.',
          threads: 'Short for Threads.',
        },
      }),
      DEFAULT_SIGNPOST,
      organisations,
    );
    expect(check).toEqual({ ok: true, problems: [], warnings: [] });
  });

  it('refuses an override that does not fit its own platform', () => {
    const check = checkMessage(
      message({ media: [image], overrides: { x: 'word '.repeat(60).trim() } }),
      DEFAULT_SIGNPOST,
      organisations,
    );
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({
        field: 'overrides.x',
        platform: 'x',
        code: 'too_long',
        message: expect.stringContaining('Shorten the X version'),
      }),
    ]);
  });

  it('refuses unknown placeholders once per field, naming them', () => {
    const check = checkMessage(
      message({ body: 'Call us, {force}.', overrides: { bluesky: 'In {county} and {force}' } }),
      DEFAULT_SIGNPOST,
      organisations,
    );
    expect(check.ok).toBe(false);
    expect(check.problems.map(({ field, code, message: words }) => [field, code, words])).toEqual([
      [
        'body',
        'unknown_placeholder',
        'The message has unknown placeholder {force}; use {organisation} or {area}.',
      ],
      [
        'overrides.bluesky',
        'unknown_placeholder',
        'The Bluesky version has unknown placeholders {county}, {force}; use {organisation} or {area}.',
      ],
    ]);
  });

  it('names only the organisations a length problem affects', () => {
    // Fits Bluesky for "Lancashire Constabulary", not for NW ROCU's longer name: with the short
    // signpost (45 characters, its link shown as the website's address) 291 against 308.
    const body = `${'a'.repeat(220)} {organisation}`;
    const check = checkMessage(message({ body, media: [image] }), DEFAULT_SIGNPOST, organisations);
    const bluesky = check.warnings.find((warning) => warning.platform === 'bluesky');
    expect(bluesky?.organisations).toEqual(['nw-rocu']);
  });

  it('refuses a body that fits none of the platforms it would go out on', () => {
    const everyOther = Object.fromEntries(
      PLATFORMS.filter((platform) => platform !== 'x').map((platform) => [platform, 'Short.']),
    );
    const check = checkMessage(
      message({ body: 'word '.repeat(80).trim(), media: [image], overrides: everyOther }),
      DEFAULT_SIGNPOST,
      organisations,
    );
    expect(check.ok).toBe(false);
    expect(codes(check.problems)).toEqual(['*:too_long_everywhere']);
  });

  it('never refuses a placeholder-free body of up to 200 characters', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 200 })
          .filter((text) => !text.includes('{') && text.trim() !== ''),
        (body) => {
          expect(checkMessage(message({ body }), DEFAULT_SIGNPOST, organisations).problems).toEqual(
            [],
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
