'use server';

import { z } from 'zod';
import { SignpostUpdate, updateSignpost } from '@/lib/signpost/update-signpost';
import { serverAction } from '../../action-result';

export const updateSignpostAction = serverAction(
  z.tuple([SignpostUpdate]),
  async (actor, [update]) => {
    const signpost = await updateSignpost(actor, update);
    return { version: signpost.version };
  },
  (saved) => `Signpost version ${saved.version} saved. Every post not yet published will carry it.`,
);
