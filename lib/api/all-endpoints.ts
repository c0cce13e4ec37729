// Every public endpoint, for the OpenAPI document. A route that is not listed here is not public.
import type { Endpoint } from './endpoint';
import {
  channelsEndpoint,
  healthEndpoint,
  meEndpoint,
  organisationsEndpoint,
  signpostEndpoint,
  tokenEndpoint,
} from './endpoints/foundation';
import { mediaEndpoint, mediaUploadEndpoint } from './endpoints/media';
import * as posts from './endpoints/posts';
import { listAuditEndpoint } from './endpoints/audit';
import { calendarEndpoint } from './endpoints/calendar';
import { readyEndpoint } from './endpoints/ready';
import { calendarFeedEndpoint } from './endpoints/calendar-feeds';
import {
  archiveCampaignEndpoint,
  createCampaignEndpoint,
  getCampaignEndpoint,
  listCampaignsEndpoint,
  updateCampaignEndpoint,
} from './endpoints/campaigns';
import {
  approveMessageEndpoint,
  commentOnMessageEndpoint,
  createMessageEndpoint,
  getMessageEndpoint,
  listCommentsEndpoint,
  listMessagesEndpoint,
  newVersionEndpoint,
  previewMessageEndpoint,
  rejectMessageEndpoint,
  submitMessageEndpoint,
  updateMessageEndpoint,
} from './endpoints/messages';
import {
  listNotificationsEndpoint,
  markNotificationsReadEndpoint,
} from './endpoints/notifications';
import { refreshReachEndpoint } from './endpoints/reach-refresh';
import * as reach from './endpoints/reach';
import {
  compareOutcomesEndpoint,
  importOutcomesEndpoint,
  listOutcomesEndpoint,
} from './endpoints/outcomes';
import { signpostHistoryEndpoint, updateSignpostEndpoint } from './endpoints/signpost';
import {
  getNotificationSettingsEndpoint,
  putNotificationSettingsEndpoint,
} from './endpoints/notification-settings';
import * as webhooks from './endpoints/webhooks';
import * as administration from './endpoints/administration';
import * as library from './endpoints/library';
import { amplificationEndpoint, remindEndpoint } from './endpoints/amplification';

export const ALL_ENDPOINTS: readonly Endpoint[] = [
  ...Object.values(administration),
  healthEndpoint,
  tokenEndpoint,
  meEndpoint,
  getNotificationSettingsEndpoint,
  putNotificationSettingsEndpoint,
  organisationsEndpoint,
  channelsEndpoint,
  signpostEndpoint,
  mediaUploadEndpoint,
  mediaEndpoint,
  ...Object.values(posts),
  calendarEndpoint,
  readyEndpoint,
  calendarFeedEndpoint,
  updateSignpostEndpoint,
  signpostHistoryEndpoint,
  createCampaignEndpoint,
  listCampaignsEndpoint,
  getCampaignEndpoint,
  updateCampaignEndpoint,
  archiveCampaignEndpoint,
  createMessageEndpoint,
  listMessagesEndpoint,
  getMessageEndpoint,
  updateMessageEndpoint,
  submitMessageEndpoint,
  approveMessageEndpoint,
  rejectMessageEndpoint,
  newVersionEndpoint,
  commentOnMessageEndpoint,
  listCommentsEndpoint,
  previewMessageEndpoint,
  listAuditEndpoint,
  refreshReachEndpoint,
  ...Object.values(reach),
  listOutcomesEndpoint,
  importOutcomesEndpoint,
  compareOutcomesEndpoint,
  listNotificationsEndpoint,
  markNotificationsReadEndpoint,
  ...Object.values(webhooks),
  ...Object.values(library),
  amplificationEndpoint,
  remindEndpoint,
];
