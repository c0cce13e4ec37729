'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { requireActor } from '@/lib/auth/session-actor';
import { act, parseInput } from '@/app/(app)/action-result';
import { auditActor } from '@/lib/auth/actor';
import { connectChannel, ConnectChannelRequest } from '@/lib/channels/connect-channel';
import { AppError } from '@/lib/errors';

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

export async function createToken(
  _previous: TokenFormState,
  form: FormData,
): Promise<TokenFormState> {
  const actor = await requireActor();
  const label = Label.safeParse(form.get('label') ?? '');
  if (!label.success)
    return {
      error: label.error.issues[0]?.message ?? 'Name the token.',
      token: null,
      expiresAt: null,
    };
  const created = await createApiToken(actor.user, label.data);
  revalidatePath('/settings');
  return { error: null, token: created.token, expiresAt: created.expiresAt };
}

export async function revokeToken(tokenId: string): Promise<{ error: string | null }> {
  const actor = await requireActor();
  try {
    await revokeApiToken(actor.user, tokenId);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  revalidatePath('/settings');
  return { error: null };
}

export async function connectChannelAction(channelId: string, input: unknown) {
  const parsed = parseInput(ConnectChannelRequest, input);
  if (!parsed.ok) return parsed;
  return act(
    (actor) => connectChannel(actor, auditActor(actor), channelId, parsed.data),
    ({ heldPosts }) =>
      heldPosts === 0
        ? 'Channel connected.'
        : `Channel connected. ${heldPosts === 1 ? 'One post on it is' : `${heldPosts} posts on it are`} still held: its organisation’s comms officers or a campaign lead release or reschedule them on the Schedule page.`,
  );
}
