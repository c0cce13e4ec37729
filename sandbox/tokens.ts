// The tokens and secrets the sandbox issues, as a platform's token server would. Each token says
// which platform and account it is for, its kind (a user's access token, a refresh token or an
// app-only token), its scopes and when it expires, and is signed with the sandbox's key, so the
// sandbox accepts only what it issued — its OAuth endpoints' tokens and the fixtures of
// sandbox/credentials.ts — and still accepts them after a restart (the seed stores them in the
// database). The key is public on purpose: these tokens open nothing but the sandbox.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Platform } from '@/lib/platforms/types';

const KEY = 'signpost-platform-sandbox';
const PREFIX = 'sbx';

export const TokenKind = z.enum(['user', 'refresh', 'app']);
export type TokenKind = z.infer<typeof TokenKind>;

export const TokenClaims = z.object({
  platform: Platform,
  /** The account the token acts for (for an app-only token, the app). */
  account: z.string().min(1),
  kind: TokenKind,
  scopes: z.array(z.string()),
  /** When it expires, epoch seconds; null for the fixtures, which never do. */
  exp: z.number().int().nullable(),
  /** Tells two tokens of one account apart (a refresh token works once). */
  jti: z.string().min(1),
  /** The OAuth client a refresh token was issued to; only that client may use it. */
  client: z.string().min(1).optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

/** HMAC-SHA256 of `data` with the sandbox's key, base64url; `label` keeps each use apart. */
export function sandboxSignature(label: string, data: string, length = 43): string {
  return createHmac('sha256', `${KEY}:${label}`).update(data).digest('base64url').slice(0, length);
}

export function issueToken(claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(TokenClaims.parse(claims))).toString('base64url');
  return `${PREFIX}.${payload}.${sandboxSignature('token', payload)}`;
}

/** The claims of a token this sandbox issued for the platform, or null for any other string. */
export function readToken(token: string, platform: Platform): TokenClaims | null {
  const [prefix, payload = '', signature = '', ...rest] = token.split('.');
  if (
    prefix !== PREFIX ||
    rest.length > 0 ||
    !sameText(signature, sandboxSignature('token', payload))
  )
    return null;
  const claims = TokenClaims.safeParse(
    parseJson(Buffer.from(payload, 'base64url').toString('utf8')),
  );
  return claims.success && claims.data.platform === platform ? claims.data : null;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'unknown' | 'expired' | 'kind' }
  | { ok: false; reason: 'scope'; missing: string };

/** Whether a token may make this call: issued here, unexpired, of an accepted kind, in scope. */
export function checkToken(
  token: string | null,
  wanted: {
    platform: Platform;
    kinds: readonly TokenKind[];
    scopes?: readonly string[];
    now: Date;
  },
  hasScope: (granted: readonly string[], needed: string) => boolean = (granted, needed) =>
    granted.includes(needed),
): TokenCheck {
  const claims = token === null ? null : readToken(token, wanted.platform);
  if (!claims) return { ok: false, reason: 'unknown' };
  if (claims.exp !== null && claims.exp * 1000 <= wanted.now.getTime())
    return { ok: false, reason: 'expired' };
  if (!wanted.kinds.includes(claims.kind)) return { ok: false, reason: 'kind' };
  const missing = wanted.scopes?.find((scope) => !hasScope(claims.scopes, scope));
  if (missing !== undefined) return { ok: false, reason: 'scope', missing };
  return { ok: true, claims };
}

/** Constant-time comparison, so a signature cannot be guessed a character at a time. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not a token this sandbox issued; the caller refuses it.
    return null;
  }
}
