// The foundation's endpoints: health, sign-in tokens, who am I, organisations, channels, signpost.
import { z } from 'zod';
import { TokenRequest, TokenResponse } from '../../auth/api-tokens';
import { ChannelListQuery, ChannelSummary } from '../../channels/list-channels';
import { Health } from '../../health/check-health';
import { OrganisationKind, OrganisationSummary } from '../../organisations/list-organisations';
import { SignpostView } from '../../signpost/signpost-store';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const healthEndpoint = defineEndpoint({
  method: 'get',
  path: '/health',
  summary:
    'Whether the database and Redis answer, with each queue’s job counts (200, or 503 when degraded)',
  tag: 'System',
  access: 'public' as const,
  response: Health,
});

export const tokenEndpoint = defineEndpoint({
  method: 'post',
  path: '/auth/token',
  summary: 'Exchange an email and password for a personal API token (shown once)',
  tag: 'Auth',
  access: 'public' as const,
  body: TokenRequest,
  response: TokenResponse,
  successStatus: 201,
  errors: ['unauthorized', 'rate_limited'],
  maxBodyBytes: 4 * 1024,
});

export const Me = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    memberships: z.array(
      z.object({
        organisation: z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          kind: OrganisationKind,
        }),
        role: z.enum(['admin', 'campaign_lead', 'comms_officer', 'partner', 'viewer']),
      }),
    ),
  })
  .meta({ id: 'Me' });

export const meEndpoint = defineEndpoint({
  method: 'get',
  path: '/me',
  summary: 'The signed-in user and their memberships',
  tag: 'Auth',
  access: 'signed_in',
  response: Me,
});

export const organisationsEndpoint = defineEndpoint({
  method: 'get',
  path: '/organisations',
  summary: 'The organisations taking part: forces, the regional unit and partners',
  tag: 'Organisations',
  access: 'signed_in',
  query: ListQuery,
  response: listOf(OrganisationSummary),
});

export const channelsEndpoint = defineEndpoint({
  method: 'get',
  path: '/channels',
  summary: 'The channels the caller may see, optionally of one organisation',
  tag: 'Organisations',
  access: 'signed_in',
  query: ListQuery.extend(ChannelListQuery.shape),
  response: listOf(ChannelSummary),
});

export const signpostEndpoint = defineEndpoint({
  method: 'get',
  path: '/signpost',
  summary: 'The current helpline signpost',
  tag: 'Signpost',
  access: 'signed_in',
  response: SignpostView,
});
