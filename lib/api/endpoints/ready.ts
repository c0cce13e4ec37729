// "Ready to schedule" (issue 10): what waits to be scheduled on an organisation's channels.
import { ReadyList, ReadyQuery } from '../../posts/ready-view';
import { RECENTLY_PUBLISHED_DAYS } from '../../posts/ready-standing';
import { defineEndpoint } from '../endpoint';

export const readyEndpoint = defineEndpoint({
  method: 'get',
  path: '/ready',
  summary:
    "Approved messages of active campaigns not yet scheduled on each of the organisation's active channels, newest approved first, with suggested times",
  description:
    'Comms officers see their own organisation, partners their own and shareable messages only, campaign leads any they name; viewers and administrators are refused (403), and an organisation the caller may not see answers 404. Per channel: `waiting` (nothing of the message is on its schedule), the render check (`valid`, `problems`), up to three `slots` at the organisation’s usual times outside blackouts and pauses and spaced from its other posts, and `warnings` when the message is already scheduled there or was published there in the last ' +
    `${RECENTLY_PUBLISHED_DAYS} days. Schedule a slot with POST /messages/{id}/schedule.`,
  tag: 'Posts',
  access: 'signed_in',
  query: ReadyQuery,
  response: ReadyList,
  errors: ['forbidden'],
});
