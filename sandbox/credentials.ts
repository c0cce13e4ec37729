// Credentials the sandbox accepts, for seeds, demos and tests: tokens it issued itself
// (sandbox/tokens.ts) for a channel's account, with the scopes the adapters need. The fixtures
// never expire, so a seeded demo keeps publishing; tokens from the sandbox's own OAuth endpoints
// do, as the platform's do. Anything else — a made-up string, another platform's token — is
// refused as the platform refuses an unknown token.
import { createHash, randomUUID } from 'node:crypto';
import type { Platform } from '@/lib/platforms/types';
import { issueToken, sandboxSignature, type TokenKind } from './tokens';

/** The scopes (Meta: permissions) each platform's fixtures carry: what the adapters need. */
export const SANDBOX_SCOPES: Record<Platform, readonly string[]> = {
  x: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
  facebook: ['pages_manage_posts', 'pages_read_engagement', 'read_insights'],
  instagram: ['instagram_basic', 'instagram_content_publish', 'instagram_manage_insights'],
  threads: ['threads_basic', 'threads_content_publish', 'threads_manage_insights'],
  linkedin: ['w_organization_social', 'r_organization_social'],
  // Bluesky signs in with an app password; its sessions carry the scope in the JWT.
  bluesky: [],
  mastodon: ['read:accounts', 'read:statuses', 'write:statuses', 'write:media'],
  nextdoor: ['post:read', 'post:write'],
};

/** The sandbox's own X app: its consumer keys (OAuth 1.0a, app-only sign-in). */
export const SANDBOX_X_APP = {
  appKey: 'sandbox-x-app',
  appSecret: xAppSecret('sandbox-x-app'),
} as const;

export interface SandboxTokenOptions {
  kind?: TokenKind;
  scopes?: readonly string[];
  /** When it stops working; never, by default. */
  expiresAt?: Date | null;
  /** For a refresh token: the OAuth client it was issued to. */
  client?: string;
}

/** A token of the platform for the account, as the sandbox's token server would issue it. */
export function sandboxToken(
  platform: Platform,
  account: string,
  options: SandboxTokenOptions = {},
): string {
  return issueToken({
    platform,
    account,
    kind: options.kind ?? 'user',
    scopes: [...(options.scopes ?? SANDBOX_SCOPES[platform])],
    exp: options.expiresAt ? Math.floor(options.expiresAt.getTime() / 1000) : null,
    jti: randomUUID(),
    ...(options.client ? { client: options.client } : {}),
  });
}

/** A channel's credentials in its adapter's shape, for the account `externalAccountId`. */
export function sandboxCredentialsFor(
  platform: Platform,
  externalAccountId: string,
): Record<string, string> {
  switch (platform) {
    case 'facebook':
      return { pageAccessToken: sandboxToken(platform, externalAccountId) };
    case 'bluesky':
      // externalAccountId is the account's DID; Bluesky accepts a DID as the login identifier.
      return { identifier: externalAccountId, appPassword: sandboxAppPassword(externalAccountId) };
    default:
      return { accessToken: sandboxToken(platform, externalAccountId) };
  }
}

/** The DID a Bluesky login identifier names: itself if it is one, else a stable did:plc. */
export function blueskyDid(identifier: string): string {
  if (identifier.startsWith('did:')) return identifier;
  const digest = createHash('sha256').update(identifier.toLowerCase()).digest();
  return `did:plc:${[...digest.subarray(0, 24)].map((byte) => BASE32[byte % 32]).join('')}`;
}

/** The app password of the Bluesky account the identifier names (xxxx-xxxx-xxxx-xxxx). */
export function sandboxAppPassword(identifier: string): string {
  const letters = [...sandboxSignature('bluesky-app-password', blueskyDid(identifier), 16)]
    .map((char) => BASE32[char.charCodeAt(0) % 32])
    .join('');
  return letters.match(/.{4}/g)?.join('-') ?? letters;
}

/** An X OAuth 1.0a user context for the account: the sandbox app's keys and the user's token. */
export function sandboxXOAuth1(account: string) {
  // X's OAuth 1.0a access tokens begin with the user's id.
  const accessToken = `${account}-${sandboxSignature('x-oauth1-token', account, 32)}`;
  return { ...SANDBOX_X_APP, accessToken, accessSecret: xTokenSecret(accessToken) };
}

/** The secret of an X OAuth 1.0a access token the sandbox issued (`<user id>-<signature>`). */
export function xTokenSecret(accessToken: string): string {
  return sandboxSignature('x-oauth1-secret', accessToken);
}

/** The consumer secret of an X app key, and an OAuth 2.0 confidential client's secret. */
export function xAppSecret(appKey: string): string {
  return sandboxSignature('x-app-secret', appKey);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** The app secret of a Facebook (Meta) app the sandbox knows by its app id: any id has one. */
export function facebookAppSecret(appId: string): string {
  return sandboxSignature('facebook-app-secret', appId, 32);
}
