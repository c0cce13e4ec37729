// What Signpost tells people about, and how each person hears it by default. Pure.
//
// In the app everyone sees every notification addressed to them; email is each person's choice
// per kind: at once, in a daily digest at a UK hour they pick, or not at all. The defaults follow
// the role: what needs someone to act now (a message waiting for approval, a post that failed on
// your own force's channel, a channel that needs re-authorising) is mailed at once; what is only
// worth knowing (another force's held posts, to a lead) waits for the digest.
import type { Role } from '../auth/permissions';

export const EMAIL_DELIVERIES = ['immediate', 'digest', 'none'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

export const EMAIL_DELIVERY_LABELS: Record<EmailDelivery, string> = {
  immediate: 'Email at once',
  digest: 'In the daily digest',
  none: 'No email',
};

interface KindDefinition {
  /** For the settings page: what the person is told about. */
  label: string;
  /** Email by default, per role; a role not named gets `fallback`. */
  defaults: Partial<Record<Role, EmailDelivery>>;
  fallback: EmailDelivery;
  /**
   * Several of these close together (posts held by one pause) are one notification, counted up,
   * and its email waits for the burst to end.
   */
  bursts: boolean;
}

export const NOTIFICATION_KINDS = {
  'message.submitted': {
    label: 'A message is waiting for your approval',
    defaults: { campaign_lead: 'immediate' },
    fallback: 'digest',
    bursts: false,
  },
  'message.approved': {
    label: 'A message of yours was approved',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
  'message.rejected': {
    label: 'A message of yours was sent back, with the reason',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
  'posts.failed': {
    label: 'Posts that could not be published',
    defaults: { comms_officer: 'immediate', partner: 'immediate', campaign_lead: 'digest' },
    fallback: 'digest',
    bursts: true,
  },
  'posts.held': {
    label: 'Posts held by a pause or a blackout',
    defaults: { comms_officer: 'immediate', partner: 'immediate', campaign_lead: 'digest' },
    fallback: 'digest',
    bursts: true,
  },
  'channel.needs_reauth': {
    label: 'A channel needs re-authorising',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
  'channel.token_expiring': {
    label: 'A channel’s access expires within seven days',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
  'pause.started': {
    label: 'Publishing was paused',
    defaults: { viewer: 'digest' },
    fallback: 'immediate',
    bursts: false,
  },
  'pause.lifted': {
    label: 'A pause was lifted',
    defaults: { viewer: 'digest' },
    fallback: 'immediate',
    bursts: false,
  },
  'share.reminder': {
    label: 'A campaign lead asks you to share a message',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
  'webhook.disabled': {
    label: 'A webhook you added was disabled after a day of failures',
    defaults: {},
    fallback: 'immediate',
    bursts: false,
  },
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

const RANK: Record<EmailDelivery, number> = { immediate: 2, digest: 1, none: 0 };

/** The default for a person with these roles: the most immediate any of their roles gets. */
export function defaultDelivery(kind: NotificationKind, roles: readonly Role[]): EmailDelivery {
  const definition: KindDefinition = NOTIFICATION_KINDS[kind];
  const choices = roles.map((role) => definition.defaults[role] ?? definition.fallback);
  if (choices.length === 0) return definition.fallback;
  return choices.reduce((best, choice) => (RANK[choice] > RANK[best] ? choice : best));
}

/** The person's own choice for the kind where they made one (stored JSON), else the default. */
export function deliveryFor(
  kind: NotificationKind,
  roles: readonly Role[],
  chosen: unknown,
): EmailDelivery {
  if (chosen && typeof chosen === 'object' && kind in chosen) {
    const value = (chosen as Record<string, unknown>)[kind];
    if ((EMAIL_DELIVERIES as readonly unknown[]).includes(value)) return value as EmailDelivery;
  }
  return defaultDelivery(kind, roles);
}

/** How long a burst stays open: same kind, same subject, same person, within this window. */
export const BURST_WINDOW_MS = 2 * 60 * 1000;
