// Polling a scope's published posts now (API.md, "Reach and outcomes").
import { ReachRefreshAnswer, ReachRefreshRequest } from '../../reach/refresh-reach';
import { defineEndpoint } from '../endpoint';

export const refreshReachEndpoint = defineEndpoint({
  method: 'post',
  path: '/reach/refresh',
  summary:
    'Poll the published posts of a campaign or organisation now (campaign leads; comms officers, their own force); once per five minutes per scope',
  tag: 'Reach',
  access: 'signed_in',
  body: ReachRefreshRequest,
  response: ReachRefreshAnswer,
  successStatus: 202,
  errors: ['forbidden', 'not_found', 'rate_limited'],
});
