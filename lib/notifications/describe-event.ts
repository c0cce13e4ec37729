// What one outbox event tells people, and whom: the kind, the words, the link and the audience,
// from the event and the names it needs. Pure: the dispatcher loads the names and the people.
import type { Role } from '../auth/permissions';
import type { NotificationKind } from './kinds';
import { type OutboxEvent, snapshotString } from './outbox-event';

/** Names the words need, loaded for a batch of events at once (plan-notifications.ts). */
export interface EventFacts {
  /** For message events: the message's title, author and campaign. */
  message?: { id: string; title: string; authorId: string; campaignName: string };
  /** For post events: the message it carries and where it was to go. */
  post?: { messageTitle: string; channelLabel: string };
  /** For channel events: "Lancashire Constabulary's X (@LancsPolice)". */
  channel?: { label: string };
  /** For webhook.disabled: who registered it, and the address's host. */
  webhook?: { createdById: string; host: string };
  /** For pause events: what it covers, in words ("every organisation"), and why. */
  pause?: { target: string; reason: string };
  /** The actor's name as people know it. */
  actorName?: string;
}

/**
 * Who hears: members holding one of `roles`, in `organisationId` (or in any organisation when it
 * is null); plus named `users`; never anyone in `exclude` (the person who did it).
 */
export interface Audience {
  members: { roles: readonly Role[]; organisationId: string | null }[];
  users: string[];
  exclude: string[];
}

export interface Described {
  kind: NotificationKind;
  /** Bursting kinds: same key for the same person within the window → one notification. */
  groupKey: string | null;
  /** The title for `count` events of this group (count is 1 unless it bursts). */
  title: (count: number) => string;
  body: string;
  link: string;
  audience: Audience;
}

const quoted = (title: string) => `“${title}”`;
const plural = (count: number, one: string, many: string) =>
  count === 1 ? one : `${count.toLocaleString('en-GB')} ${many}`;

/** "Paused for every organisation" from "Paused for every organisation: the reason". */
function holdHeadline(reason: string): string {
  const cut = reason.search(/[:.](\s|$)/);
  const head = (cut === -1 ? reason : reason.slice(0, cut)).trim();
  return head.charAt(0).toLowerCase() + head.slice(1);
}

const POSTS_AUDIENCE = (organisationId: string | null, exclude: string[]): Audience => ({
  members: [
    // The organisation's own people who schedule its posts, and every campaign lead.
    ...(organisationId ? [{ roles: ['comms_officer', 'partner'] as Role[], organisationId }] : []),
    { roles: ['campaign_lead'], organisationId: null },
  ],
  users: [],
  exclude,
});

/** What the event tells people; null when it tells nobody anything (a webhook-only event). */
export function describeEvent(event: OutboxEvent, facts: EventFacts): Described | null {
  const actor = event.actorId ? [event.actorId] : [];
  const who = facts.actorName ?? 'Someone';
  switch (event.action) {
    case 'message.submit': {
      const message = facts.message;
      if (!message) return null;
      return {
        kind: 'message.submitted',
        groupKey: null,
        title: () => `${quoted(message.title)} is waiting for approval`,
        body: `${who} submitted it for review in ${message.campaignName}. Someone other than its author must approve it before it can be scheduled.`,
        link: `/messages/${message.id}`,
        // Four eyes: every lead may approve it except its author.
        audience: {
          members: [{ roles: ['campaign_lead'], organisationId: null }],
          users: [],
          exclude: [message.authorId, ...actor],
        },
      };
    }
    case 'message.approve':
    case 'message.reject': {
      const message = facts.message;
      if (!message) return null;
      const approved = event.action === 'message.approve';
      const reason = snapshotString(event, 'rejectionReason');
      return {
        kind: approved ? 'message.approved' : 'message.rejected',
        groupKey: null,
        title: () =>
          approved
            ? `${quoted(message.title)} was approved`
            : `${quoted(message.title)} was sent back to you`,
        body: approved
          ? `${who} approved it. It can now be scheduled on every organisation’s channels.`
          : `${who} sent it back with the reason: ${reason ?? 'no reason given'}`,
        link: `/messages/${message.id}`,
        audience: { members: [], users: [message.authorId], exclude: actor },
      };
    }
    case 'post.failed': {
      const post = facts.post;
      const error = snapshotString(event, 'error') ?? 'the platform refused it';
      return {
        kind: 'posts.failed',
        groupKey: 'posts.failed',
        title: (count) => `${plural(count, 'A post', 'posts')} could not be published`,
        body: post
          ? `Latest: ${quoted(post.messageTitle)} on ${post.channelLabel}: ${error}`
          : `Latest: ${error}`,
        link: '/schedule?status=failed',
        audience: POSTS_AUDIENCE(event.organisationId, []),
      };
    }
    case 'post.held': {
      const post = facts.post;
      const reason = snapshotString(event, 'heldReason') ?? 'A pause or blackout covers it.';
      return {
        kind: 'posts.held',
        // One burst per reason: the same pause holding many posts is one notification.
        groupKey: `posts.held:${reason}`,
        title: (count) => `${plural(count, 'A post', 'posts')} held: ${holdHeadline(reason)}`,
        body: `${reason}${post ? ` Latest: ${quoted(post.messageTitle)} on ${post.channelLabel}.` : ''} Held posts go out only when someone releases them.`,
        link: '/schedule?status=held',
        audience: POSTS_AUDIENCE(event.organisationId, []),
      };
    }
    case 'channel.needs_reauth': {
      const label = facts.channel?.label ?? 'A channel';
      const reason = snapshotString(event, 'statusReason') ?? snapshotString(event, 'reason');
      return {
        kind: 'channel.needs_reauth',
        groupKey: null,
        title: () => `${label} needs re-authorising`,
        body: `Its posts are held until someone connects the account again${reason ? ` (${reason})` : ''}.`,
        link: '/settings',
        audience: {
          members: [
            { roles: ['admin'], organisationId: null },
            ...(event.organisationId
              ? [
                  {
                    roles: ['comms_officer', 'partner'] as Role[],
                    organisationId: event.organisationId,
                  },
                ]
              : []),
          ],
          users: [],
          exclude: [],
        },
      };
    }
    case 'channel.token_expiring': {
      const label = facts.channel?.label ?? 'A channel';
      const expiresAt = snapshotString(event, 'expiresAt');
      const when = expiresAt
        ? new Date(expiresAt).toLocaleString('en-GB', {
            timeZone: 'Europe/London',
            dateStyle: 'full',
            timeStyle: 'short',
          })
        : 'within seven days';
      return {
        kind: 'channel.token_expiring',
        groupKey: null,
        title: () => `${label}: access expires soon`,
        body: `Its access ends ${expiresAt ? `on ${when}` : when}. Connect the account again before then, or its posts will be held.`,
        link: '/settings',
        audience: { members: [{ roles: ['admin'], organisationId: null }], users: [], exclude: [] },
      };
    }
    case 'pause.created':
    case 'pause.lifted': {
      const started = event.action === 'pause.created';
      const target = facts.pause?.target ?? snapshotString(event, 'target') ?? 'some posts';
      const reason = facts.pause?.reason ?? snapshotString(event, 'reason');
      return {
        kind: started ? 'pause.started' : 'pause.lifted',
        groupKey: null,
        title: () =>
          started
            ? `${who} paused publishing for ${target}`
            : `${who} lifted the pause on ${target}`,
        body: started
          ? `Nothing in its scope is published until it is lifted${reason ? `. Reason: ${reason}` : '.'}`
          : `Publishing for ${target} goes on. Posts it held stay held until someone releases them from the Schedule${reason ? `. It was paused because: ${reason}` : '.'}`,
        link: '/schedule',
        // Everyone whose posts it covers: the organisation's people (every organisation's for a
        // pause on all of them, a campaign or a channel of another), and the leads.
        audience: {
          members: [
            {
              roles: ['comms_officer', 'partner', 'viewer'],
              organisationId: event.organisationId,
            },
            { roles: ['campaign_lead'], organisationId: null },
          ],
          users: [],
          exclude: actor,
        },
      };
    }
    case 'message.remind': {
      const message = facts.message;
      if (!message || !event.organisationId) return null;
      return {
        kind: 'share.reminder',
        groupKey: null,
        title: () => `Please share ${quoted(message.title)}`,
        body: `${who} asks you to share it with your followers for ${message.campaignName}. It is on your Ready to share page, rendered for your organisation with the helpline’s signpost: schedule it, download its share pack, or copy it and say “I shared this”.`,
        link: '/',
        // The partner organisation's own people who share for it.
        audience: {
          members: [{ roles: ['partner'], organisationId: event.organisationId }],
          users: [],
          exclude: actor,
        },
      };
    }
    case 'webhook.disabled': {
      const webhook = facts.webhook;
      if (!webhook) return null;
      return {
        kind: 'webhook.disabled',
        groupKey: null,
        title: () => `Your webhook to ${webhook.host} was disabled`,
        body: 'Every delivery to it failed for a day. Fix the endpoint, then add the webhook again.',
        link: '/settings/webhooks',
        audience: { members: [], users: [webhook.createdById], exclude: [] },
      };
    }
    default:
      return null;
  }
}

export interface Person {
  userId: string;
  roles: Role[];
  /** organisationId → roles held there. */
  memberships: { organisationId: string; role: Role }[];
}

/** The audience's user ids, each once. */
export function resolveAudience(audience: Audience, people: readonly Person[]): string[] {
  const chosen = new Set<string>(audience.users);
  for (const person of people) {
    const matches = audience.members.some((rule) =>
      person.memberships.some(
        (membership) =>
          rule.roles.includes(membership.role) &&
          (rule.organisationId === null || rule.organisationId === membership.organisationId),
      ),
    );
    if (matches) chosen.add(person.userId);
  }
  for (const excluded of audience.exclude) chosen.delete(excluded);
  return [...chosen];
}
