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
  'audit.read',
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

/**
 * What an action is about. `organisationId` is the organisation that owns it (a channel's, a
 * post's, a pause's); absent for region-wide things (the signpost, a campaign, a global pause).
 */
export interface Resource {
  organisationId?: string | null;
  /** The author of a message. */
  authorId?: string;
  /** Whether a message is marked shareable to partners. */
  shareable?: boolean;
  /** Whether a message is approved (partners see only approved, shareable messages). */
  approved?: boolean;
}

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
    'audit.read': 'any',
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
  },
  partner: {
    ...EVERYONE_READS,
    'channel.read': 'own',
    'post.read': 'own',
    'post.schedule': 'own',
    'post.manage': 'own',
    'reach.read': 'own',
  },
  viewer: {
    ...EVERYONE_READS,
    'channel.read': 'own',
    'post.read': 'own',
    'reach.read': 'own',
  },
};

/** Conditions on the resource itself, whatever the role. */
function resourceAllows(role: Role, action: Action, actor: Actor, resource: Resource): boolean {
  switch (action) {
    // Only the author edits or submits a draft: nobody rewrites someone else's words.
    case 'message.update':
    case 'message.submit':
      return resource.authorId === undefined || resource.authorId === actor.userId;
    // Four eyes: the author never approves (or rejects) their own message.
    case 'message.approve':
    case 'message.reject':
      return resource.authorId === undefined || resource.authorId !== actor.userId;
    case 'message.read':
      return role !== 'partner' || (resource.shareable !== false && resource.approved !== false);
    case 'post.schedule':
      return role !== 'partner' || resource.shareable !== false;
    default:
      return true;
  }
}

function grants(membership: ActorMembership, action: Action, resource: Resource): boolean {
  const reach = ROLE_GRANTS[membership.role]?.[action];
  if (reach === undefined) return false;
  if (reach === 'any') return true;
  return resource.organisationId != null && resource.organisationId === membership.organisationId;
}

/** Whether `actor` may do `action` on `resource`. Unknown roles are refused. */
export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  return actor.memberships.some(
    (membership) =>
      Role.safeParse(membership.role).success &&
      grants(membership, action, resource) &&
      resourceAllows(membership.role, action, actor, resource),
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
