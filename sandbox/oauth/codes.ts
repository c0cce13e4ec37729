// Authorisation codes as a platform's authorisation server hands them out after its consent page:
// random, short-lived, bound to the client, the redirect URI and the PKCE challenge they were
// issued with, and good for one exchange only (RFC 6749 §4.1.2, RFC 7636 §4.6). Each platform
// answers a refusal in its own error shape; this says only which rule was broken.
import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '@/lib/platforms/types';
import type { SandboxAuthorisationCode, SandboxState } from '../state';
import { sameText } from '../tokens';

export type CodeRefusal =
  'unknown' | 'used' | 'expired' | 'client' | 'redirect_uri' | 'verifier_missing' | 'verifier';

export function issueCode(
  state: SandboxState,
  grant: Omit<SandboxAuthorisationCode, 'expiresAt' | 'used'>,
  lifetimeSeconds: number,
): string {
  const code = randomBytes(24).toString('base64url');
  state.authorisationCodes.set(code, {
    ...grant,
    expiresAt: state.now().getTime() + lifetimeSeconds * 1000,
    used: false,
  });
  return code;
}

/**
 * Trades a code once. A replayed code is refused and, as RFC 6749 §4.1.2 asks, stays spent: the
 * second attempt never gets a token, whoever makes it.
 */
export function redeemCode(
  state: SandboxState,
  platform: Platform,
  presented: {
    code: string | undefined;
    client: string | undefined;
    redirectUri: string | undefined;
    verifier: string | undefined;
  },
): { ok: true; grant: SandboxAuthorisationCode } | { ok: false; reason: CodeRefusal } {
  const grant = presented.code ? state.authorisationCodes.get(presented.code) : undefined;
  if (!grant || grant.platform !== platform) return { ok: false, reason: 'unknown' };
  if (grant.used) return { ok: false, reason: 'used' };
  grant.used = true;
  if (grant.expiresAt <= state.now().getTime()) return { ok: false, reason: 'expired' };
  if (presented.client !== grant.client) return { ok: false, reason: 'client' };
  if (presented.redirectUri !== grant.redirectUri) return { ok: false, reason: 'redirect_uri' };
  if (grant.challenge) {
    if (!presented.verifier) return { ok: false, reason: 'verifier_missing' };
    if (!sameText(challengeOf(presented.verifier, grant.challenge.method), grant.challenge.value))
      return { ok: false, reason: 'verifier' };
  }
  return { ok: true, grant };
}

export function challengeOf(verifier: string, method: 'S256' | 'plain'): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}
