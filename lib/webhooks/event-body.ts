// The JSON body of a delivery: `{id, event, createdAt, data}` (API.md), with data a force's tool
// can act on without calling back: the post with its organisation, channel, message, campaign and
// link or reason; the approved message; the pause. Built from the audit event and the rows it is
// about, read when the event is planned. Pure.
import type { OutboxEvent } from '../notifications/outbox-event';
import { snapshotString } from '../notifications/outbox-event';
import type { WebhookEvent } from './events';

export interface PostFacts {
  id: string;
  platform: string;
  scheduledAt: Date;
  publishedAt: Date | null;
  externalUrl: string | null;
  lastError: string | null;
  heldReason: string | null;
  organisation: { slug: string; name: string };
  channel: { handle: string };
  message: { id: string; title: string };
  campaign: { id: string; name: string };
}

export interface MessageFacts {
  id: string;
  title: string;
  campaign: { id: string; name: string };
  approver: { name: string } | null;
}

export interface PauseFacts {
  id: string;
  scope: string;
  reason: string;
  startsAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
  organisation: { slug: string; name: string } | null;
  channel: { handle: string; platform: string } | null;
  campaign: { id: string; name: string } | null;
}

export interface EventFacts {
  posts: Map<string, PostFacts>;
  messages: Map<string, MessageFacts>;
  pauses: Map<string, PauseFacts>;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

const POST_STATUS: Partial<Record<WebhookEvent, string>> = {
  'post.published': 'published',
  'post.failed': 'failed',
  'post.held': 'held',
};

function postData(event: OutboxEvent, webhookEvent: WebhookEvent, post: PostFacts) {
  return {
    post: {
      id: post.id,
      status: POST_STATUS[webhookEvent],
      platform: post.platform,
      organisation: post.organisation,
      channel: post.channel,
      message: post.message,
      campaign: post.campaign,
      scheduledAt: post.scheduledAt.toISOString(),
      // As the event says: the post may have moved on by the time this is planned.
      publishedAt:
        webhookEvent === 'post.published'
          ? (iso(post.publishedAt) ?? event.at.toISOString())
          : null,
      url:
        webhookEvent === 'post.published'
          ? (snapshotString(event, 'externalUrl') ?? post.externalUrl)
          : null,
      ...(webhookEvent === 'post.failed'
        ? { error: snapshotString(event, 'error') ?? post.lastError }
        : {}),
      ...(webhookEvent === 'post.held'
        ? { heldReason: snapshotString(event, 'heldReason') ?? post.heldReason }
        : {}),
    },
  };
}

function messageData(event: OutboxEvent, message: MessageFacts) {
  return {
    message: {
      id: message.id,
      title: message.title,
      campaign: message.campaign,
      approvedBy: message.approver?.name ?? event.actorLabel,
    },
  };
}

function pauseData(pause: PauseFacts) {
  return {
    pause: {
      id: pause.id,
      scope: pause.scope,
      organisation: pause.organisation,
      channel: pause.channel,
      campaign: pause.campaign,
      reason: pause.reason,
      startsAt: pause.startsAt.toISOString(),
      endsAt: iso(pause.endsAt),
      liftedAt: iso(pause.liftedAt),
    },
  };
}

/** The event's data, or null when what it is about no longer exists. */
export function eventData(
  event: OutboxEvent,
  webhookEvent: WebhookEvent,
  facts: EventFacts,
): object | null {
  switch (webhookEvent) {
    case 'post.published':
    case 'post.failed':
    case 'post.held': {
      const post = facts.posts.get(event.entityId);
      return post ? postData(event, webhookEvent, post) : null;
    }
    case 'message.approved': {
      const message = facts.messages.get(event.entityId);
      return message ? messageData(event, message) : null;
    }
    case 'pause.started':
    case 'pause.lifted': {
      const pause = facts.pauses.get(event.entityId);
      return pause ? pauseData(pause) : null;
    }
  }
}

export const eventIdOf = (event: Pick<OutboxEvent, 'auditEventId'>) =>
  `evt_${event.auditEventId.toString()}`;

/** The body exactly as it is signed and sent. */
export function deliveryBody(input: {
  id: string;
  /** A webhook event, or `test` for a test event. */
  event: WebhookEvent | 'test';
  createdAt: Date;
  data: object;
}): string {
  return JSON.stringify({
    id: input.id,
    event: input.event,
    createdAt: input.createdAt.toISOString(),
    data: input.data,
  });
}
