// What the navigation shows a person: each page and whether their roles reach it. Pure.
import { type Action, type Actor, roleGrants } from './permissions';

export const NAV_ITEMS = [
  { href: '/', label: 'Dashboard', icon: 'dashboard', requires: null },
  { href: '/campaigns', label: 'Campaigns', icon: 'campaigns', requires: 'campaign.read' },
  { href: '/schedule', label: 'Schedule', icon: 'schedule', requires: 'post.read' },
  {
    href: '/schedule/ready',
    label: 'Ready to schedule',
    icon: 'ready',
    requires: 'post.schedule',
  },
  { href: '/approvals', label: 'Approvals', icon: 'approvals', requires: 'message.approve' },
  { href: '/reach', label: 'Reach', icon: 'reach', requires: 'reach.read' },
  {
    href: '/reach/amplification',
    label: 'Amplification',
    icon: 'amplification',
    requires: 'amplification.read',
  },
  { href: '/audit', label: 'Audit log', icon: 'audit', requires: 'audit.read' },
  { href: '/notifications', label: 'Notifications', icon: 'notifications', requires: null },
  { href: '/settings/people', label: 'People', icon: 'people', requires: 'user.manage' },
  {
    href: '/settings/organisations',
    label: 'Organisations',
    icon: 'organisations',
    requires: 'organisation.manage',
  },
  { href: '/settings', label: 'Settings', icon: 'settings', requires: null },
] as const satisfies readonly {
  href: string;
  label: string;
  icon: string;
  requires: Action | null;
}[];

/**
 * A partner's own navigation (issue 11): what there is to share, what they shared, their own
 * channels' schedule and reach. Not the forces' pages with parts hidden: the campaign's message
 * table and the approvals queue are the forces' and the leads' working tools.
 */
export const PARTNER_NAV_ITEMS = [
  { href: '/', label: 'Ready to share', icon: 'share', requires: null },
  { href: '/shared', label: 'Shared', icon: 'shared', requires: null },
  { href: '/schedule', label: 'Schedule', icon: 'schedule', requires: 'post.read' },
  {
    href: '/schedule/ready',
    label: 'Ready to schedule',
    icon: 'ready',
    requires: 'post.schedule',
  },
  { href: '/reach', label: 'Reach', icon: 'reach', requires: 'reach.read' },
  { href: '/notifications', label: 'Notifications', icon: 'notifications', requires: null },
  { href: '/settings', label: 'Settings', icon: 'settings', requires: null },
] as const satisfies readonly {
  href: string;
  label: string;
  icon: string;
  requires: Action | null;
}[];

export type NavItem = (typeof NAV_ITEMS)[number] | (typeof PARTNER_NAV_ITEMS)[number];

/** The membership a person acts under, as the navigation needs it. */
export interface ActingAs {
  role: string;
  organisation: { kind: string };
}

/** Whether the person acts as a partner now: a partner's role in a partner organisation. */
export function actsAsPartner(active: ActingAs | null): boolean {
  return active !== null && active.role === 'partner' && active.organisation.kind === 'partner';
}

/** Pages the actor may open. "Own organisation" grants count: the page shows their own data. */
export function navigationFor(actor: Actor, active: ActingAs | null = null): NavItem[] {
  const items: readonly NavItem[] = actsAsPartner(active) ? PARTNER_NAV_ITEMS : NAV_ITEMS;
  return items.filter((item) => item.requires === null || mayOpen(actor, item.requires));
}

/** Whether the actor may open a page that needs `action` for any organisation of theirs. */
export function mayOpen(actor: Actor, action: Action): boolean {
  return actor.memberships.some((membership) =>
    roleGrants(actor, action, membership.organisationId),
  );
}
