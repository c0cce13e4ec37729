'use server';

import { z } from 'zod';
import { act, serverAction, withArguments } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { auditActor } from '@/lib/auth/actor';
import { connectChannel, ConnectChannelRequest } from '@/lib/channels/connect-channel';

export type TokenFormState = {
  error: string | null;
  token: string | null;
  expiresAt: string | null;
};

const Label = z
  .string()
  .trim()
  .min(1, 'Give the token a name, such as “Reporting script”.')
  .max(100, 'Keep the name under 100 characters.');

const refusedToken = (error: string): TokenFormState => ({ error, token: null, expiresAt: null });

/** The token form (useActionState): React passes the previous state, then the form's fields. */
export const createToken = withArguments(
  z.tuple([z.unknown(), z.instanceof(FormData, { error: 'Send the token form.' })]),
  (refusal) => refusedToken(refusal.fields.label ?? refusal.error),
  async ([, form]) => {
    const label = Label.safeParse(form.get('label') ?? '');
    if (!label.success) return refusedToken(label.error.issues[0]?.message ?? 'Name the token.');
    const created = await act((actor) => createApiToken(actor.user, label.data), 'Token created.');
    return created.ok
      ? { error: null, token: created.value.token, expiresAt: created.value.expiresAt }
      : refusedToken(created.error);
  },
);

export const revokeToken = withArguments(
  z.tuple([RecordId.describe('tokenId')]),
  (refusal): { error: string | null } => ({ error: refusal.error }),
  async ([tokenId]) => {
    const revoked = await act((actor) => revokeApiToken(actor.user, tokenId), 'Token revoked.');
    return { error: revoked.ok ? null : revoked.error };
  },
);

export const connectChannelAction = serverAction(
  z.tuple([RecordId.describe('channelId'), ConnectChannelRequest]),
  (actor, [channelId, request]) => connectChannel(actor, auditActor(actor), channelId, request),
  ({ heldPosts }) =>
    heldPosts === 0
      ? 'Channel connected.'
      : `Channel connected. ${heldPosts === 1 ? 'One post on it is' : `${heldPosts} posts on it are`} still held: its organisation’s comms officers or a campaign lead release or reschedule them on the Schedule page.`,
);
