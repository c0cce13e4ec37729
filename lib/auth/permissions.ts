// Who may do what: a list of actions, a role table, and one pure function, `can`, called by
// every server action, route handler and worker decision. Tested as a full matrix.
import { z } from 'zod';

export const ROLES = ['admin', 'campaign_lead', 'comms_officer', 'partner', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  campaign_lead: 'Campaign lead',
  comms_officer: 'Comms officer',
  partner: 'Partner',
  viewer: 'Viewer',
};

export const ACTIONS = [
  'organisation.read',
  'organisation.manage',
  'user.manage',
  'channel.read',
  'channel.manage',
  'signpost.read',
  'signpost.update',
  'campaign.read',
  'campaign.create',
  'campaign.update',
  'message.read',
  'message.create',
  'message.update',
  'message.submit',
  'message.approve',
  'message.reject',
  'message.comment',
  'post.read',
  'post.schedule',
  'post.manage',
  'pause.manage',
  'blackout.manage',
  'reach.read',
  'outcome.manage',
  /** Poll a scope's published posts now, rather than at their next planned poll. */
  'reach.refresh',
  'audit.read',
  /** The campaign's totals over every organisation, without any organisation's own figures. */
  'reach.totals',
  /** The campaign report (PDF) for the charity and chief officers. */
  'reach.report',
  /** Register and remove webhooks (an organisation's, or region-wide with none) and read their log. */
  'webhook.manage',
  /** See the queues' dashboard (/admin/queues): jobs waiting, delayed, failed, and why. */
  'queue.read',
  /** Act on jobs there: retry, promote, remove, pause a queue. */
  'queue.manage',
  /** Who amplified the campaign's messages, by which path, and the reach it brought (issue 11). */
  'amplification.read',
  /** Remind a partner who has not shared a message yet (a notification and an email). */
  'amplification.remind',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActorMembership {
  organisationId: string;
  role: Role;
}

export interface Actor {
  userId: string;
  memberships: readonly ActorMembership[];
}

/** A message as partners' access is judged on it. */
export interface MessageFacts {
  status: string;
  shareable: boolean;
}

/**
 * What partners may see and use of the campaign's messages: approved, shareable ones. The one
 * statement of the rule: `can` judges by it, and the data layer's filter is this object
 * (lib/messages/message-access.ts).
 */
export const PARTNER_MESSAGES = { status: 'approved', shareable: true } as const;

export function partnerMayUse(message: MessageFacts): boolean {
  return (
    message.status === PARTNER_MESSAGES.status && message.shareable === PARTNER_MESSAGES.shareable
  );
}

/** The organisation that owns what is acted on (a channel's, a post's, a pause's); null for region-wide things. */
export interface Owned {
  organisationId: string | null;
}

type Authored = { authorId: string };
type Region = Record<never, never>;

/**
 * Actions on something an organisation owns, decided on that owner: every action that some role
 * holds for its own organisation only (the matrix test checks), and the administrator's.
 */
export const OWNED_ACTIONS = [
  'organisation.manage',
  'channel.read',
  'channel.manage',
  'post.read',
  'post.schedule',
  'post.manage',
  'pause.manage',
  'blackout.manage',
  'reach.read',
  'reach.refresh',
  'webhook.manage',
] as const satisfies readonly Action[];
type OwnedAction = (typeof OWNED_ACTIONS)[number];

/**
 * The facts each action is decided on, required by its type: a missing author, owner or message
 * can never mean "allowed". Region-wide actions take none.
 */
export type ResourceOf<A extends Action> = A extends
  'message.update' | 'message.submit' | 'message.approve' | 'message.reject'
  ? Authored
  : A extends 'message.read'
    ? { message: MessageFacts }
    : A extends 'post.schedule'
      ? Owned & { message: MessageFacts }
      : A extends OwnedAction
        ? Owned
        : Region;

/** Every fact any action is decided on; each is checked only for the actions that use it. */
type AnyFacts = Partial<Authored & Owned & { message: MessageFacts }>;

/** How far a role's grant reaches: every organisation, or only those the user belongs to. */
type Reach = 'any' | 'own';

const EVERYONE_READS: Partial<Record<Action, Reach>> = {
  'organisation.read': 'any',
  'signpost.read': 'any',
  'campaign.read': 'any',
  'message.read': 'any',
};

const ROLE_GRANTS: Record<Role, Partial<Record<Action, Reach>>> = {
  admin: {
    ...EVERYONE_READS,
    'organisation.manage': 'any',
    'user.manage': 'any',
    'channel.read': 'any',
    'channel.manage': 'any',
    'signpost.update': 'any',
    'post.read': 'any',
    // Not in the admin's brief, but whoever runs the system must be able to stop it.
    'pause.manage': 'any',
    'reach.read': 'any',
    'audit.read': 'any',
    'reach.totals': 'any',
    'webhook.manage': 'any',
    'queue.read': 'any',
    'queue.manage': 'any',
    'amplification.read': 'any',
    'amplification.remind': 'any',
  },
  campaign_lead: {
    ...EVERYONE_READS,
    'channel.read': 'any',
    'signpost.update': 'any',
    'campaign.create': 'any',
    'campaign.update': 'any',
    'message.create': 'any',
    'message.update': 'any',
    'message.submit': 'any',
    'message.approve': 'any',
    'message.reject': 'any',
    'message.comment': 'any',
    'post.read': 'any',
    'post.schedule': 'any',
    'post.manage': 'any',
    'pause.manage': 'any',
    'blackout.manage': 'any',
    'reach.read': 'any',
    // Import the help-seeking figures: the charity reports them to the campaign's leads.
    'outcome.manage': 'any',
    'reach.refresh': 'any',
    'audit.read': 'any',
    'reach.totals': 'any',
    'reach.report': 'any',
    'webhook.manage': 'any',
    // They answer for the campaign's posts going out: they may watch the queues, not act on them.
    'queue.read': 'any',
    // They run the campaign with its partners: who carried each message, and a nudge for who has not.
    'amplification.read': 'any',
    'amplification.remind': 'any',
  },
  comms_officer: {
    ...EVERYONE_READS,
    'channel.read': 'own',
    'message.create': 'any',
    'message.update': 'any',
    'message.submit': 'any',
    'message.comment': 'any',
    'post.read': 'own',
    'post.schedule': 'own',
    'post.manage': 'own',
    'pause.manage': 'own',
    'blackout.manage': 'own',
    'reach.read': 'own',
    'reach.refresh': 'own',
    'reach.totals': 'any',
    // Their own force's tools hear about its posts; never another force's, nor region-wide.
    'webhook.manage': 'own',
  },
  partner: {
    ...EVERYONE_READS,
    'channel.read': 'own',
    'post.read': 'own',
    'post.schedule': 'own',
    'post.manage': 'own',
    // Councils set their own quiet periods: they know when their elections are (issue 11).
    'blackout.manage': 'own',
    'reach.read': 'own',
  },
  viewer: {
    ...EVERYONE_READS,
    'channel.read': 'own',
    'post.read': 'own',
    'reach.read': 'own',
  },
};

/** Conditions on the resource itself, whatever the role. Missing facts refuse. */
function resourceAllows(role: Role, action: Action, actor: Actor, resource: AnyFacts): boolean {
  switch (action) {
    // Only the author edits or submits a draft: nobody rewrites someone else's words.
    case 'message.update':
    case 'message.submit':
      return resource.authorId !== undefined && resource.authorId === actor.userId;
    // Four eyes: the author never approves (or rejects) their own message.
    case 'message.approve':
    case 'message.reject':
      return resource.authorId !== undefined && resource.authorId !== actor.userId;
    case 'message.read':
    case 'post.schedule':
      return (
        resource.message !== undefined && (role !== 'partner' || partnerMayUse(resource.message))
      );
    default:
      return true;
  }
}

function grants(
  membership: ActorMembership,
  action: Action,
  organisationId: string | null | undefined,
): boolean {
  const reach = ROLE_GRANTS[membership.role]?.[action];
  if (reach === undefined) return false;
  if (reach === 'any') return true;
  return organisationId != null && organisationId === membership.organisationId;
}

/** Whether `actor` may do `action` on the resource these facts describe. Unknown roles are refused. */
export function can<A extends Action>(
  actor: Actor,
  action: A,
  ...[resource]: [keyof ResourceOf<A>] extends [never] ? [] : [resource: ResourceOf<A>]
): boolean {
  const facts: AnyFacts = resource ?? {};
  return actor.memberships.some(
    (membership) =>
      Role.safeParse(membership.role).success &&
      grants(membership, action, facts.organisationId) &&
      resourceAllows(membership.role, action, actor, facts),
  );
}

/**
 * Whether a role the actor holds grants `action` for the organisation (null: region-wide) before
 * any resource's own conditions: for what to offer at all (a page, a queue), never for a decision
 * on one thing, which is `can`'s.
 */
export function roleGrants(actor: Actor, action: Action, organisationId: string | null): boolean {
  return actor.memberships.some(
    (membership) =>
      Role.safeParse(membership.role).success && grants(membership, action, organisationId),
  );
}

/**
 * The organisations whose data the actor may see for `action`: every one, or a list. The data
 * layer puts this in each query's `where`, so a missed check cannot leak another force's data.
 */
export function organisationScope(actor: Actor, action: Action): 'all' | string[] {
  const ids = new Set<string>();
  for (const membership of actor.memberships) {
    const reach = ROLE_GRANTS[membership.role]?.[action];
    if (reach === 'any') return 'all';
    if (reach === 'own') ids.add(membership.organisationId);
  }
  return [...ids];
}

/** The highest role the actor holds anywhere, for display and navigation. */
export function primaryRole(actor: Actor): Role | null {
  const held = new Set(actor.memberships.map((membership) => membership.role));
  return ROLES.find((role) => held.has(role)) ?? null;
}
