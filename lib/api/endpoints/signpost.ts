// Changing the signpost and reading its history. (Reading the current one is a foundation route.)
import { SignpostHistoryEntry } from '../../signpost/signpost-history';
import { SignpostView } from '../../signpost/signpost-store';
import { SignpostUpdate } from '../../signpost/update-signpost';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const updateSignpostEndpoint = defineEndpoint({
  method: 'put',
  path: '/signpost',
  summary:
    'Set a new version of the signpost (campaign leads, administrators); unpublished posts use it',
  tag: 'Signpost',
  access: 'signed_in',
  body: SignpostUpdate,
  response: SignpostView,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
});

export const signpostHistoryEndpoint = defineEndpoint({
  method: 'get',
  path: '/signpost/history',
  summary: 'Every version of the signpost, newest first, with who made it',
  tag: 'Signpost',
  access: 'signed_in',
  query: ListQuery,
  response: listOf(SignpostHistoryEntry),
});
