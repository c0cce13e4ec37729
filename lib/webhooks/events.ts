// The events a webhook may subscribe to (API.md), and which audit action raises each. Pure.
import type { AuditAction } from '../audit/audit-actions';

export const WEBHOOK_EVENTS = [
  'post.published',
  'post.failed',
  'post.held',
  'message.approved',
  'pause.started',
  'pause.lifted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'post.published': 'A post was published',
  'post.failed': 'A post could not be published',
  'post.held': 'A post was held',
  'message.approved': 'A message was approved',
  'pause.started': 'Publishing was paused',
  'pause.lifted': 'A pause was lifted',
};

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** The webhook event an audit action raises, if any. */
export const WEBHOOK_EVENT_OF: Partial<Record<AuditAction, WebhookEvent>> = {
  'post.published': 'post.published',
  'post.failed': 'post.failed',
  'post.held': 'post.held',
  'message.approve': 'message.approved',
  'pause.created': 'pause.started',
  'pause.lifted': 'pause.lifted',
};
