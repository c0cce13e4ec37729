'use server';

import { z } from 'zod';
import { serverAction } from '@/app/(app)/action-result';
import { RecordId } from '@/lib/api/record-id';
import { connectPicked, PickAccountsRequest } from '@/lib/channels/oauth/pick-accounts';
import {
  startAuthorisation,
  StartAuthorisationRequest,
} from '@/lib/channels/oauth/start-authorisation';

/** Starts a platform's authorisation flow: the answer is the consent page to send the browser to. */
export const startChannelAuthorisationAction = serverAction(
  z.tuple([StartAuthorisationRequest]),
  (actor, [request]) => startAuthorisation(actor, request),
  'Taking you to the platform to authorise Signpost.',
);

export const connectPickedAccountsAction = serverAction(
  z.tuple([RecordId.describe('authorisationId'), PickAccountsRequest]),
  (actor, [authorisationId, request]) => connectPicked(actor, authorisationId, request),
  ({ channels }) =>
    `Connected ${channels.map((channel) => channel.handle).join(', ')}: ${channels.length === 1 ? 'it is' : 'they are'} active.`,
);
