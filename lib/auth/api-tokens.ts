// Personal API tokens. A token is shown once; only its SHA-256 is stored, so a copy of the
// database does not hand out working tokens.
import { createHash, randomBytes } from 'node:crypto';
import { verifyPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { passwordSignInRefusal } from '../sso/find-sso';
import { AppError } from '../errors';
import { type ActorUser, ACTOR_USER_SELECT } from './actor-user';
import { passwordAttempt } from './password-attempt';

export const TOKEN_LIFETIME_DAYS = 90;
const TOKEN_PREFIX = 'sp_';

export const TokenRequest = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1000),
  label: z.string().trim().min(1).max(100).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

export const TokenResponse = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const WRONG_CREDENTIALS = 'The email or password is wrong.';

/** Checks the credentials (throttled like the web sign-in) and issues a token. */
export async function issueApiToken(
  request: TokenRequest,
  address: string,
  now = new Date(),
): Promise<TokenResponse> {
  const refusal = await passwordSignInRefusal(request.email);
  if (refusal) throw new AppError('forbidden', refusal);
  const outcome = await passwordAttempt({ email: request.email, address }, async () => {
    const email = request.email.trim().toLowerCase();
    const account = await db.account.findFirst({
      where: { providerId: 'credential', user: { email } },
      select: { password: true, user: { select: { id: true, email: true, active: true } } },
    });
    // A deactivated person's password is still checked (same time, same throttle) but never works.
    const valid =
      account?.password != null &&
      (await verifyPassword({ hash: account.password, password: request.password })) &&
      account.user.active;
    return account && valid
      ? { verdict: 'right', value: { id: account.user.id, email: account.user.email } }
      : { verdict: 'wrong', value: null };
  });
  if (outcome.verdict !== 'right' || !outcome.value)
    throw new AppError('unauthorized', WRONG_CREDENTIALS);
  return createApiToken(outcome.value, request.label ?? 'API token', now);
}

/** A new token for a user who has proved who they are (by password, or by being signed in). */
export async function createApiToken(
  user: { id: string; email: string },
  label: string,
  now = new Date(),
): Promise<TokenResponse> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: user.id, label, tokenHash: hashToken(token), prefix, expiresAt },
    });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      {
        action: 'api_token.created',
        entityId: created.id,
        after: { label: created.label, prefix, expiresAt },
      },
    );
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

export type ApiTokenState = 'active' | 'expired' | 'revoked';

export async function listApiTokens(userId: string, now = new Date()) {
  const tokens = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      label: true,
      prefix: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  return tokens.map((token) => ({
    ...token,
    state: (token.revokedAt
      ? 'revoked'
      : token.expiresAt <= now
        ? 'expired'
        : 'active') as ApiTokenState,
  }));
}

/** Revokes one of the user's own tokens; another person's token is "not found". */
export async function revokeApiToken(
  user: { id: string; email: string },
  tokenId: string,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.id } });
    if (!token) throw new AppError('not_found', 'That API token was not found.');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      {
        action: 'api_token.revoked',
        entityId: token.id,
        before: { revokedAt: null },
        after: { revokedAt: now },
      },
    );
  });
}

/** The token's user, or a 401 saying plainly why the token does not work. */
export async function resolveApiToken(
  token: string,
  now = new Date(),
): Promise<{ userId: string; prefix: string; user: ActorUser }> {
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      prefix: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: ACTOR_USER_SELECT },
    },
  });
  if (!found) throw new AppError('unauthorized', 'The API token is not valid.');
  if (found.revokedAt) throw new AppError('unauthorized', 'The API token has been revoked.');
  if (found.expiresAt <= now) {
    throw new AppError(
      'unauthorized',
      `The API token expired on ${found.expiresAt.toISOString()}.`,
    );
  }
  // Record use at most once a minute: a busy integration should not write on every call.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { userId: found.userId, prefix: found.prefix, user: found.user };
}
