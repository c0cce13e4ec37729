import { describe, expect, it } from 'vitest';
import { ORGANISATIONS } from '@/prisma/seed-data';
import { rulesFor } from '../platforms/rules';
import { PLATFORMS, SignpostWording } from '../platforms/types';
import { DEFAULT_SIGNPOST } from './default-signpost';
import { fillSignpostTemplate } from './placeholders';
import { taggedUrl } from './tagged-url';

const details = (url: string) => ({
  helplineName: DEFAULT_SIGNPOST.helplineName,
  phone: DEFAULT_SIGNPOST.phone,
  url,
});

describe('the v1 signpost', () => {
  it('is the Stop it Now! helpline and Get Help website', () => {
    expect(DEFAULT_SIGNPOST).toMatchObject({
      version: 1,
      helplineName: 'Stop it Now! helpline',
      phone: '0808 1000 900',
      url: 'https://get-help.stopitnow.org.uk',
    });
  });

  it.each(PLATFORMS)('has valid full and short wording for %s', (platform) => {
    expect(SignpostWording.safeParse(DEFAULT_SIGNPOST.wording[platform]).success).toBe(true);
  });

  it.each(PLATFORMS.filter((platform) => rulesFor(platform).linksClickable))(
    'gives the number and the link in both wordings on %s',
    (platform) => {
      for (const template of Object.values(DEFAULT_SIGNPOST.wording[platform])) {
        expect(template).toContain('{phone}');
        expect(template).toContain('{url}');
      }
    },
  );

  it('asks every full wording the same worry, in good English', () => {
    for (const platform of PLATFORMS) {
      const { full } = DEFAULT_SIGNPOST.wording[platform];
      expect(full).toMatch(
        /^Worried about your own or someone else’s online behaviour towards children\?/,
      );
    }
  });

  it('gives Instagram the number and "link in bio", never an unclickable URL', () => {
    for (const template of Object.values(DEFAULT_SIGNPOST.wording.instagram)) {
      expect(template).toContain('{phone}');
      expect(template).not.toContain('{url}');
      expect(template).toContain('link in our bio');
    }
  });

  it('says confidential and anonymous wherever there is room for both', () => {
    for (const platform of [
      'facebook',
      'instagram',
      'linkedin',
      'threads',
      'mastodon',
      'nextdoor',
    ] as const) {
      expect(DEFAULT_SIGNPOST.wording[platform].full).toMatch(/confidential/i);
      expect(DEFAULT_SIGNPOST.wording[platform].full).toMatch(/anonymous/i);
    }
  });

  // Good English costs four characters ("your own or someone else’s"): a longer message takes the
  // short wording, which the renderer chooses when the full one does not fit.
  it('lets a 146-character message and the full X wording fit in 280 for every organisation', () => {
    for (const organisation of ORGANISATIONS) {
      const url = taggedUrl(DEFAULT_SIGNPOST.url, {
        platform: 'x',
        campaignSlug: 'a-long-campaign-name-2026',
        organisationSlug: organisation.slug,
      });
      const signpost = fillSignpostTemplate(DEFAULT_SIGNPOST.wording.x.full, details(url));
      expect(rulesFor('x').count(`${'m'.repeat(146)}\n\n${signpost}`)).toBeLessThanOrEqual(280);
    }
  });

  it('keeps the short X wording to the number and the link, in under 60 characters', () => {
    const short = fillSignpostTemplate(
      DEFAULT_SIGNPOST.wording.x.short,
      details('https://e.org/?q'),
    );
    expect(rulesFor('x').count(short)).toBeLessThan(60);
  });
});
