// The signpost's Welsh wording (issue 13), beside the English of default-signpost.ts: the same
// number and link, the same promise, for every platform. North Wales Police and Welsh councils
// must publish it in Welsh as well as English, no less favourably.
//
// This is demo wording, written without the charity's own Welsh: it is stored as not reviewed
// ("needs review by a Welsh speaker") until a campaign lead who has had it checked marks it so.
import type { Platform, SignpostWording } from '../platforms/types';

const WORRY = 'Yn poeni am ymddygiad ar-lein rhywun tuag at blant, neu eich ymddygiad chi?';
const HELPLINE = 'llinell gymorth Stop it Now!';

/** What the signpost says while its Welsh wording has not been reviewed. */
export const WELSH_REVIEW_NOTE = 'needs review by a Welsh speaker';

const LONG_FORM: SignpostWording = {
  full: `${WORRY} Mae ${HELPLINE} yn cynnig cymorth cyfrinachol a dienw. Ffoniwch am ddim ar {phone} neu cewch help ar-lein yn {url}`,
  short: `Help cyfrinachol a dienw: ${HELPLINE} {phone} {url}`,
};

export const DEFAULT_WORDING_CY: Record<Platform, SignpostWording> = {
  x: {
    full: `${WORRY} Help cyfrinachol: {phone} {url}`,
    short: 'Help cyfrinachol: {phone} {url}',
  },
  facebook: LONG_FORM,
  instagram: {
    full: `${WORRY} Mae ${HELPLINE} yn cynnig cymorth cyfrinachol a dienw. Ffoniwch am ddim ar {phone}, neu cewch help ar-lein drwy’r ddolen yn ein bio.`,
    short: 'Help cyfrinachol a dienw: ffoniwch {phone} neu gwelwch y ddolen yn ein bio.',
  },
  linkedin: LONG_FORM,
  threads: {
    full: `${WORRY} Mae ${HELPLINE} yn gyfrinachol ac yn ddienw: ffoniwch am ddim ar {phone} neu ewch i {url}`,
    short: 'Help cyfrinachol: {phone} {url}',
  },
  bluesky: {
    full: `${WORRY} Help cyfrinachol: {phone} {url}`,
    short: 'Help: {phone} {url}',
  },
  mastodon: LONG_FORM,
  nextdoor: LONG_FORM,
};
