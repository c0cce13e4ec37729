import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../platforms/types';
import { helplineLinkProblem, REDIRECTING_HOSTS } from './helpline-link';
import { taggedUrl, UTM_KEYS } from './tagged-url';

const APP = 'https://signpost.nw-police.example';
const HELPLINE = 'https://get-help.stopitnow.org.uk';
const slug = fc.stringMatching(/^[a-z0-9-]{1,40}$/);

describe("help-seekers' privacy: the helpline link never passes through anything of ours", () => {
  it("accepts the charity's own site", () => {
    expect(helplineLinkProblem(HELPLINE, APP)).toBeNull();
    expect(helplineLinkProblem('https://www.stopitnow.org.uk/helpline/?ref=1', APP)).toBeNull();
  });

  it('refuses Signpost itself, a shortener or a redirect', () => {
    expect(helplineLinkProblem(`${APP}/go?to=${encodeURIComponent(HELPLINE)}`, APP)).toMatch(
      /never through Signpost/,
    );
    expect(helplineLinkProblem('https://links.signpost.nw-police.example/h', APP)).toMatch(
      /never through Signpost/,
    );
    for (const host of REDIRECTING_HOSTS)
      expect(helplineLinkProblem(`https://${host}/abc`, APP)).toMatch(/shortener/);
  });

  it('the tagged link keeps the charity’s address and adds only the platform, campaign and organisation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLATFORMS),
        slug,
        slug,
        (platform, campaignSlug, organisationSlug) => {
          const tagged = new URL(taggedUrl(HELPLINE, { platform, campaignSlug, organisationSlug }));
          const base = new URL(HELPLINE);
          expect(tagged.origin).toBe(base.origin);
          expect(tagged.pathname).toBe(base.pathname);
          // No key that could name a person or a post: the four utm tags and nothing else.
          expect([...tagged.searchParams.keys()].sort()).toEqual([...UTM_KEYS].sort());
          expect(tagged.searchParams.get('utm_source')).toBe(platform);
          expect(tagged.searchParams.get('utm_content')).toBe(organisationSlug);
        },
      ),
    );
  });
});
