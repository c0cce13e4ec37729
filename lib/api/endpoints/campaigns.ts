// Campaigns: started, changed and archived by campaign leads, read by everyone signed in.
import { z } from 'zod';
import {
  CampaignChange,
  CampaignInput,
  CampaignListFilter,
  CampaignView,
} from '../../campaigns/campaign-schemas';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const CampaignParams = z.object({ id: z.string().min(1).max(100) });

export const createCampaignEndpoint = defineEndpoint({
  method: 'post',
  path: '/campaigns',
  summary: 'Start a campaign (campaign leads); the slug is made from the name when not given',
  tag: 'Campaigns',
  access: 'signed_in',
  body: CampaignInput,
  response: CampaignView,
  successStatus: 201,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
});

export const listCampaignsEndpoint = defineEndpoint({
  method: 'get',
  path: '/campaigns',
  summary: 'Campaigns, the latest to start first',
  tag: 'Campaigns',
  access: 'signed_in',
  query: ListQuery.extend(CampaignListFilter.shape),
  response: listOf(CampaignView),
});

export const getCampaignEndpoint = defineEndpoint({
  method: 'get',
  path: '/campaigns/{id}',
  summary: 'One campaign',
  tag: 'Campaigns',
  access: 'signed_in',
  params: CampaignParams,
  response: CampaignView,
});

export const updateCampaignEndpoint = defineEndpoint({
  method: 'patch',
  path: '/campaigns/{id}',
  summary: 'Change a campaign’s name, description, dates or themes (campaign leads)',
  tag: 'Campaigns',
  access: 'signed_in',
  params: CampaignParams,
  body: CampaignChange,
  response: CampaignView,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
});

export const archiveCampaignEndpoint = defineEndpoint({
  method: 'post',
  path: '/campaigns/{id}/archive',
  summary: 'Archive a campaign: no new messages or edits; its history stays readable',
  tag: 'Campaigns',
  access: 'signed_in',
  params: CampaignParams,
  response: CampaignView,
  errors: ['forbidden', 'conflict'],
});
