// HELP-SEEKERS' PRIVACY IS NOT NEGOTIABLE (issue 7, CAMPAIGN.md). The helpline link in every post
// goes straight to the charity's own site, tagged only with the platform, campaign and
// organisation (tagged-url.ts): never through a Signpost redirect, a link shortener or a tracking
// pixel, and Signpost never records who clicked. A person worried about their own behaviour must
// never have a reason to fear that a police system saw their click. Link clicks in Reach come only
// from the platforms' own aggregate figures and from the charity's figures imported as outcomes.
// This file is where that rule is checked, for the signpost address a lead sets. Pure.

/** Shorteners and click trackers: each one would see every click before the charity does. */
export const REDIRECTING_HOSTS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'buff.ly',
  'ow.ly',
  'tinyurl.com',
  't.co',
  'lnkd.in',
  'goo.gl',
  'rebrand.ly',
  'is.gd',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'l.facebook.com',
  'lm.facebook.com',
];

const hostOf = (address: string) => {
  try {
    return new URL(address).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
};

/**
 * Why `url` may not be the helpline link, or null when it goes straight to a site that is not
 * ours. `appUrl` is Signpost's own address: a link through it would pass every click by us.
 */
export function helplineLinkProblem(url: string, appUrl: string): string | null {
  const host = hostOf(url);
  if (host === null) return 'must be a web address';
  const ours = hostOf(appUrl);
  if (ours !== null && (host === ours || host.endsWith(`.${ours}`)))
    return 'must go straight to the helpline’s own site, never through Signpost: nobody may see who clicks';
  if (
    REDIRECTING_HOSTS.some((redirector) => host === redirector || host.endsWith(`.${redirector}`))
  )
    return `must go straight to the helpline’s own site: ${host} is a link shortener or redirect, which would see who clicks`;
  return null;
}
