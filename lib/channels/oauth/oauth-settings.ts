// Where each platform's authorisation page and token endpoints are, and the app's own client
// credentials there. In sandbox mode (development, tests, demos) they default to the platform
// sandbox, whose pages a person's browser reaches at SANDBOX_BROWSER_URL (SANDBOX_URL unless the
// browser sees the sandbox elsewhere, as from outside Docker), and to client ids the sandbox
// accepts; live, they are the platforms' own, and a platform whose client id is not set is not
// offered. Each authorisation URL can be set on its own (X_AUTHORIZE_URL, FACEBOOK_AUTHORIZE_URL).
import type { Env } from '../../env';
import { liveBaseUrl, sandboxBaseUrl } from '../../platforms/base-urls';
import type { Platform } from '../../platforms/types';

export const OAUTH_PLATFORMS = ['x', 'facebook'] as const;
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];

/** The sandbox's client id for Signpost's app on each platform, and Facebook's app secret there. */
export const SANDBOX_CLIENT_ID = 'signpost-sandbox';
// The sandbox's facebookAppSecret('signpost-sandbox') (sandbox/credentials.ts): public on purpose,
// it opens nothing but the sandbox.
export const SANDBOX_FACEBOOK_APP_SECRET = 'wLkhaZd3cFr3bzubl0WACxYF-QbaUXSZ';

export interface OAuthClient {
  clientId: string;
  clientSecret: string | null;
  /** The page the person's browser is sent to. */
  authoriseUrl: string;
  /** The platform's API root, for the token exchange and the account lookups. */
  apiBase: string;
}

const LIVE_AUTHORISE_URLS: Record<OAuthPlatform, string> = {
  x: 'https://x.com/i/oauth2/authorize',
  facebook: 'https://www.facebook.com/v23.0/dialog/oauth',
};
// The path of the authorisation page under the sandbox's API root for the platform.
const SANDBOX_AUTHORISE_PATHS: Record<OAuthPlatform, string> = {
  x: '/i/oauth2/authorize',
  facebook: '/dialog/oauth',
};

/** The platform whose authorisation connects a channel of this platform (Instagram: Facebook's). */
export function oauthPlatformFor(platform: Platform): OAuthPlatform | null {
  if (platform === 'instagram') return 'facebook';
  return (OAUTH_PLATFORMS as readonly string[]).includes(platform)
    ? (platform as OAuthPlatform)
    : null;
}

export function oauthClient(platform: OAuthPlatform, settings: Env): OAuthClient | null {
  const sandbox = settings.PLATFORM_MODE === 'sandbox';
  const given = {
    x: {
      id: settings.X_CLIENT_ID,
      secret: settings.X_CLIENT_SECRET,
      url: settings.X_AUTHORIZE_URL,
    },
    facebook: {
      id: settings.FACEBOOK_APP_ID,
      secret: settings.FACEBOOK_APP_SECRET,
      url: settings.FACEBOOK_AUTHORIZE_URL,
    },
  }[platform];
  const clientId = given.id ?? (sandbox ? SANDBOX_CLIENT_ID : undefined);
  if (!clientId) return null;
  const sandboxSecret = platform === 'facebook' ? SANDBOX_FACEBOOK_APP_SECRET : null;
  const clientSecret = given.secret ?? (sandbox && !given.id ? sandboxSecret : null);
  // Facebook's code exchange needs the app secret; without one the platform is not offered.
  if (platform === 'facebook' && !clientSecret) return null;
  return {
    clientId,
    clientSecret,
    authoriseUrl:
      given.url ??
      (sandbox
        ? `${sandboxBaseUrl(platform, settings.SANDBOX_BROWSER_URL ?? settings.SANDBOX_URL)}${SANDBOX_AUTHORISE_PATHS[platform]}`
        : LIVE_AUTHORISE_URLS[platform]),
    apiBase: sandbox ? sandboxBaseUrl(platform, settings.SANDBOX_URL) : liveBaseUrl(platform),
  };
}

/** The callback URL to register with each platform's app. */
export function callbackUrl(platform: OAuthPlatform, settings: Env): string {
  return `${settings.APP_URL.replace(/\/+$/, '')}/settings/channels/callback/${platform}`;
}
