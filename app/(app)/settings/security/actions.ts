'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { auditActor } from '@/lib/auth/actor';
import { revokeOwnSession } from '@/lib/auth/own-sessions';

export const revokeSessionAction = serverAction(
  z.tuple([RecordId.describe('sessionId')]),
  (actor, [sessionId]) => revokeOwnSession(actor.user, auditActor(actor), sessionId),
  'Session signed out.',
);
