// The leads' amplification view and reminders (issue 11, point 3).
import {
  AmplificationQuery,
  AmplificationView,
  RemindAnswer,
  RemindRequest,
} from '../../amplification/amplification-schemas';
import { defineEndpoint } from '../endpoint';

export const amplificationEndpoint = defineEndpoint({
  method: 'get',
  path: '/amplification',
  summary:
    'Per partner and per message of the week: shared or not, by which path (a connected channel, a share pack, "I shared this"), and the reach it brought',
  description:
    'Campaign leads and administrators; anyone else 403. The week’s messages are the campaign’s shareable messages approved that UK week, or else the newest approved before it. An unknown campaign answers 404.',
  tag: 'Amplification',
  access: 'signed_in',
  query: AmplificationQuery,
  response: AmplificationView,
  errors: ['forbidden', 'not_found'],
});

export const remindEndpoint = defineEndpoint({
  method: 'post',
  path: '/amplification/remind',
  summary:
    'Remind a partner organisation to share a message: a notification to its people, and an email',
  description:
    'Campaign leads and administrators; anyone else 403. One reminder per partner per message per day: another within the day answers 429 saying when the last was sent; a partner that has shared it already, or is inside its quiet period, 409.',
  tag: 'Amplification',
  access: 'signed_in',
  body: RemindRequest,
  response: RemindAnswer,
  successStatus: 201,
  errors: ['forbidden', 'not_found', 'conflict', 'rate_limited'],
});
