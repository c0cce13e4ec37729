// The platform's callback: the person is back from the consent page with a code (or a refusal) and
// the state. The state must match a start of this person's, in this session, for this platform,
// unspent and unexpired (callback-check.ts); it is spent at once, so a replayed callback is
// refused. The code is exchanged with the start's PKCE verifier and redirect URI; one account (X)
// is connected at once, several (a person's Facebook Pages) are offered for the person to pick.
import type { CurrentActor } from '../../auth/actor';
import { auditActor } from '../../auth/actor';
import { db } from '../../db';
import { env } from '../../env';
import { log } from '../../log';
import { AppError } from '../../errors';
import { decryptCredentials, encryptCredentials } from '../credentials';
import { type CallbackRefusal, checkCallback } from './callback-check';
import { connectAccount, type ConnectedChannel } from './connect-account';
import { type OAuthPlatform, oauthClient } from './oauth-settings';
import { hashState } from './pkce';
import { ExchangeFailed, OAUTH_PROVIDERS } from './providers';

export type FinishRefusal = CallbackRefusal | 'exchange_failed' | 'other_account';

export type FinishOutcome =
  | { kind: 'connected'; channels: ConnectedChannel[] }
  | { kind: 'pick'; authorisationId: string }
  | { kind: 'refused'; reason: FinishRefusal };

export async function finishAuthorisation(
  actor: CurrentActor,
  platform: OAuthPlatform,
  query: { state?: string; code?: string; error?: string },
  now: Date = new Date(),
): Promise<FinishOutcome> {
  const refused = (reason: FinishRefusal): FinishOutcome => ({ kind: 'refused', reason });
  if (!query.state) return refused('no_state');
  const start = await db.channelAuthorisation.findUnique({
    where: { stateHash: hashState(query.state) },
  });
  const sessionId = actor.via.kind === 'session' ? actor.via.sessionId : undefined;
  const check = checkCallback({
    start,
    callback: { platform, userId: actor.user.id, sessionId },
    now,
  });
  if (!check.ok || !start) return refused(check.ok ? 'unknown_state' : check.reason);
  // Spent before anything else happens: of two callbacks with one state, only one gets past here.
  const spent = await db.channelAuthorisation.updateMany({
    where: { id: start.id, usedAt: null },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return refused('used');
  if (query.error) return refused(query.error === 'access_denied' ? 'denied' : 'platform_error');
  if (!query.code) return refused('no_code');

  const settings = env();
  const client = oauthClient(platform, settings);
  if (!client) return refused('platform_error');
  const provider = OAUTH_PROVIDERS[platform];
  const { verifier } = decryptCredentials(start.verifierSealed, settings.CREDENTIALS_KEY);
  let accounts;
  try {
    accounts = await provider.exchange({
      client,
      redirectUri: start.redirectUri,
      code: query.code,
      verifier: verifier ?? '',
      now,
    });
  } catch (error) {
    if (!(error instanceof ExchangeFailed)) throw error;
    log.warn({ platform, error: error.message }, 'OAuth code exchange refused');
    return refused('exchange_failed');
  }

  const reconnecting = start.channelId
    ? await db.channel.findUnique({ where: { id: start.channelId } })
    : null;
  const chosen = reconnecting
    ? accounts.filter(
        (account) =>
          account.platform === reconnecting.platform &&
          account.externalAccountId === reconnecting.externalAccountId,
      )
    : accounts;
  const [first] = chosen;
  if (!first) return refused(reconnecting ? 'other_account' : 'exchange_failed');
  if (provider.picks && !reconnecting) {
    await db.channelAuthorisation.update({
      where: { id: start.id },
      data: {
        offeredSealed: encryptCredentials(
          { accounts: JSON.stringify(chosen) },
          settings.CREDENTIALS_KEY,
        ),
      },
    });
    return { kind: 'pick', authorisationId: start.id };
  }
  try {
    const channels = await db.$transaction(async (tx) => [
      await connectAccount(tx, {
        audit: auditActor(actor),
        organisationId: start.organisationId,
        channelId: start.channelId,
        account: first,
      }),
    ]);
    return { kind: 'connected', channels };
  } catch (error) {
    if (error instanceof AppError && error.message === 'other_account')
      return refused('other_account');
    throw error;
  }
}
