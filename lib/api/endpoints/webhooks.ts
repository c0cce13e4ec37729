// Webhooks for forces' and partners' own tools (API.md, "Partners, planning and notifications").
import { z } from 'zod';
import { CreatedWebhook, WebhookRequest } from '../../webhooks/register-webhook';
import { DeliveryView, WebhookView } from '../../webhooks/webhook-view';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const createWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/webhooks',
  summary:
    'Register a webhook for an organisation (or region-wide with none); the signing secret is answered this once',
  tag: 'Webhooks',
  access: 'signed_in',
  body: WebhookRequest,
  response: CreatedWebhook,
  successStatus: 201,
  errors: ['forbidden'],
});

export const listWebhooksEndpoint = defineEndpoint({
  method: 'get',
  path: '/webhooks',
  summary: 'The webhooks the caller may manage, newest first (no secrets)',
  tag: 'Webhooks',
  access: 'signed_in',
  response: listOf(WebhookView),
  errors: ['forbidden'],
});

export const removeWebhookEndpoint = defineEndpoint({
  method: 'delete',
  path: '/webhooks/{id}',
  summary: 'Remove a webhook and its delivery log',
  tag: 'Webhooks',
  access: 'signed_in',
  params: IdParams,
  response: WebhookView,
  errors: ['forbidden'],
});

export const listDeliveriesEndpoint = defineEndpoint({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  summary: "A webhook's delivery log, newest first: status, HTTP code, response time, attempts",
  tag: 'Webhooks',
  access: 'signed_in',
  params: IdParams,
  query: ListQuery,
  response: listOf(DeliveryView),
  errors: ['forbidden'],
});

export const testWebhookEndpoint = defineEndpoint({
  method: 'post',
  path: '/webhooks/{id}/test',
  summary:
    'Send a test event (Signpost-Event: test) now, signed like any delivery, tried once; answers the delivery as logged',
  tag: 'Webhooks',
  access: 'signed_in',
  params: IdParams,
  response: DeliveryView,
  errors: ['forbidden', 'conflict'],
});
