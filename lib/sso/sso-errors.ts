// What a single sign-on that came back refused means, in words for the sign-in page. The codes
// are the plugin's and Signpost's own (sso-people.ts); anything else reads as the general case.
const MESSAGES: Record<string, string> = {
  no_single_sign_on: 'No organisation signs that email in with single sign-on. Use your password.',
  unreachable:
    'Your organisation’s identity provider could not be reached. Try again in a minute, or tell your administrator.',
  invalid_nonce: 'The identity provider’s answer was not for this sign-in. Start again.',
  email_domain_not_allowed:
    'The identity provider signed you in with an email that is not one of your organisation’s domains.',
  account_deactivated:
    'Your access to Signpost has been taken away. Ask your organisation’s administrator.',
  organisation_inactive: 'Your organisation no longer uses Signpost.',
  access_denied: 'The sign-in was cancelled at the identity provider.',
  invalid_state: 'The sign-in took too long or was started in another browser. Start again.',
};

const GENERAL =
  'The identity provider’s answer could not be verified, so you were not signed in. Start again; if it happens again, tell your administrator.';

export function ssoErrorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? GENERAL;
}
