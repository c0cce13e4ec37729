'use server';

import { SignpostUpdate, updateSignpost } from '@/lib/signpost/update-signpost';
import { act, parseInput } from '../../action-result';

export async function updateSignpostAction(input: unknown) {
  const parsed = parseInput(SignpostUpdate, input);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => {
      const signpost = await updateSignpost(actor, parsed.data);
      return { version: signpost.version };
    },
    (saved) =>
      `Signpost version ${saved.version} saved. Every post not yet published will carry it.`,
  );
}
