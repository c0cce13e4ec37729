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
  { href: '/audit', label: 'Audit log', icon: 'audit', requires: 'audit.read' },
  { href: '/notifications', label: 'Notifications', icon: 'notifications', requires: null },
  { href: '/settings', label: 'Settings', icon: 'settings', requires: null },
] as const satisfies readonly {
  href: string;
  label: string;
  icon: string;
  requires: Action | null;
}[];

export type NavItem = (typeof NAV_ITEMS)[number];

/** Pages the actor may open. "Own organisation" grants count: the page shows their own data. */
export function navigationFor(actor: Actor): NavItem[] {
  return NAV_ITEMS.filter((item) => item.requires === null || mayOpen(actor, item.requires));
}

/** Whether the actor may open a page that needs `action` for any organisation of theirs. */
export function mayOpen(actor: Actor, action: Action): boolean {
  return actor.memberships.some((membership) =>
    roleGrants(actor, action, membership.organisationId),
  );
}
