// "Connect a channel" and "Reconnect": the start of a platform's authorisation flow. A fresh state
// and PKCE verifier are made, the state's hash and the sealed verifier stored with the person, the
// session, the organisation and (for a reconnection) the channel, for ten minutes; the answer is
// the platform's consent page to send the browser to.
import { z } from 'zod';
import type { CurrentActor } from '../../auth/actor';
import { can } from '../../auth/permissions';
import { db } from '../../db';
import { env } from '../../env';
import { AppError, forbidden, notFound } from '../../errors';
import { encryptCredentials } from '../credentials';
import { callbackUrl, OAUTH_PLATFORMS, oauthClient, oauthPlatformFor } from './oauth-settings';
import { createSecret, hashState, s256Challenge } from './pkce';
import { OAUTH_PROVIDERS } from './providers';

export const AUTHORISATION_MINUTES = 10;

export const StartAuthorisationRequest = z.union([
  z.strictObject({ platform: z.enum(OAUTH_PLATFORMS), organisationId: z.string().min(1).max(100) }),
  z.strictObject({ channelId: z.string().min(1).max(100) }),
]);
export type StartAuthorisationRequest = z.infer<typeof StartAuthorisationRequest>;

export async function startAuthorisation(
  actor: CurrentActor,
  request: StartAuthorisationRequest,
  now: Date = new Date(),
): Promise<{ url: string }> {
  const sessionId = actor.via.kind === 'session' ? actor.via.sessionId : undefined;
  if (!sessionId) throw forbidden('Connect a channel from Settings, signed in.');
  let target: { organisationId: string; channelId: string | null; platform: string };
  if ('channelId' in request) {
    const channel = await db.channel.findUnique({
      where: { id: request.channelId },
      select: { id: true, organisationId: true, platform: true },
    });
    if (!channel || !can(actor, 'channel.read', { organisationId: channel.organisationId }))
      throw notFound('The channel');
    target = { ...channel, channelId: channel.id };
  } else {
    const organisation = await db.organisation.findUnique({
      where: { id: request.organisationId },
      select: { id: true, active: true },
    });
    if (!organisation || !organisation.active)
      throw new AppError('validation_failed', 'Choose an organisation.', {
        organisationId: 'is not an organisation you may connect channels for',
      });
    target = { organisationId: organisation.id, channelId: null, platform: request.platform };
  }
  if (!can(actor, 'channel.manage', { organisationId: target.organisationId }))
    throw forbidden('Only an administrator may connect a channel.');
  const platform = oauthPlatformFor(target.platform as never);
  const settings = env();
  const client = platform ? oauthClient(platform, settings) : null;
  if (!platform || !client)
    throw new AppError('validation_failed', 'This platform cannot be connected here yet.', {
      platform: 'is not set up for connecting by OAuth on this Signpost',
    });

  const state = createSecret();
  const verifier = createSecret();
  const redirectUri = callbackUrl(platform, settings);
  await db.channelAuthorisation.create({
    data: {
      stateHash: hashState(state),
      userId: actor.user.id,
      sessionId,
      organisationId: target.organisationId,
      platform,
      channelId: target.channelId,
      verifierSealed: encryptCredentials({ verifier }, settings.CREDENTIALS_KEY),
      redirectUri,
      expiresAt: new Date(now.getTime() + AUTHORISATION_MINUTES * 60_000),
    },
  });
  return {
    url: OAUTH_PROVIDERS[platform].authoriseUrl({
      client,
      redirectUri,
      state,
      challenge: s256Challenge(verifier),
    }),
  };
}
