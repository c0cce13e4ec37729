// Signpost v1: the Stop it Now! helpline and Get Help website, in words for each platform. The
// seed stores it as the first version; campaign leads change it through new versions.
//
// The wording speaks to the person who might call, not about them: it names a worry anyone could
// have (their own behaviour or someone else's), promises what the helpline promises (confidential,
// anonymous, free to call from UK landlines and mobiles, like every 0808 number), and labels nobody.
import type { Platform, Signpost, SignpostWording } from '../platforms/types';
import { DEFAULT_WORDING_CY } from './default-signpost-cy';

const WORRY = 'Worried about your own or someone else’s online behaviour towards children?';

// Where the platform counts every character of a long tagged URL, or has room, the full wording
// explains; the short one keeps the number, the link and one word of reassurance.
const LONG_FORM: SignpostWording = {
  full: `${WORRY} The {helplineName} offers confidential, anonymous support. Call free on {phone} or find help online at {url}`,
  short: 'Confidential, anonymous help: {helplineName} {phone} {url}',
};

const wording: Record<Platform, SignpostWording> = {
  // X counts the URL as 23 whatever its length. Full: 132 weighted characters, so a message of up
  // to 146 characters (and a blank line) still fits 280 with it.
  x: {
    full: `${WORRY} Confidential help: {phone} {url}`,
    short: 'Confidential help: {phone} {url}',
  },
  facebook: LONG_FORM,
  // Caption links are not clickable: the number, and the website through the link in the bio.
  instagram: {
    full: `${WORRY} The {helplineName} offers confidential, anonymous support. Call free on {phone}, or find help online through the link in our bio.`,
    short: 'Confidential, anonymous help: call {phone} or see the link in our bio.',
  },
  linkedin: LONG_FORM,
  // Threads counts the tagged URL in full (about 140 characters) against 500.
  threads: {
    full: `${WORRY} The {helplineName} is confidential and anonymous: call free on {phone} or visit {url}`,
    short: 'Confidential help: {phone} {url}',
  },
  // Bluesky shows the link as the website's address (25 characters; the tagged URL travels in a
  // facet), but 300 is still the tightest limit: every word here costs the message room.
  bluesky: {
    full: `${WORRY} Confidential help: {phone} {url}`,
    short: 'Help: {phone} {url}',
  },
  mastodon: LONG_FORM,
  nextdoor: LONG_FORM,
};

export const DEFAULT_SIGNPOST: Signpost = {
  version: 1,
  helplineName: 'Stop it Now! helpline',
  phone: '0808 1000 900',
  // The Stop it Now! Get Help website: self-help for people worried about their own or someone
  // else's online behaviour.
  url: 'https://get-help.stopitnow.org.uk',
  wording,
  wordingCy: DEFAULT_WORDING_CY,
  wordingCyReviewed: false,
};
