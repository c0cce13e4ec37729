// Credentials that the sandbox accepts for a channel, for seeds, demos and tests. User tokens name
// their account before the first '.', because on X, Mastodon and Nextdoor the token is the only
// thing in a publish request that says which account is posting.
import type { Platform } from '@/lib/platforms/types';

export function sandboxCredentialsFor(
  platform: Platform,
  externalAccountId: string,
): Record<string, string> {
  const token = `${externalAccountId}.sandbox-token`;
  switch (platform) {
    case 'facebook':
      return { pageAccessToken: token };
    case 'bluesky':
      // externalAccountId is the account's DID; Bluesky accepts a DID as the login identifier.
      return { identifier: externalAccountId, appPassword: 'sand-boxa-ppxx-pass' };
    default:
      return { accessToken: token };
  }
}
