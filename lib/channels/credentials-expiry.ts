// When a channel's credentials stop working unless a person connects the account again, as far as
// the credentials themselves say: an X access token without a refresh token ends at its
// expiresAt (with a refresh token Signpost renews it, lib/publishing/renew-credentials.ts). The
// other platforms' tokens as pasted carry no expiry; null means "not known to expire". Pure.
import type { Platform } from '../platforms/types';

export function credentialsExpireAt(
  platform: Platform,
  credentials: Record<string, unknown>,
): Date | null {
  if (platform !== 'x') return null;
  if (typeof credentials.refreshToken === 'string' && credentials.refreshToken !== '') return null;
  if (typeof credentials.expiresAt !== 'string') return null;
  const at = new Date(credentials.expiresAt);
  return Number.isNaN(at.getTime()) ? null : at;
}
