// Who sees the queues' dashboard (/admin/queues) and how: administrators act on jobs (retry,
// promote, remove); campaign leads, who answer for the campaign's posts going out, watch it read
// only; anyone else is answered 404, as for any page whose existence is not theirs to know. Pure.
import { mayOpen } from '../auth/navigation';
import type { Actor } from '../auth/permissions';

export type DashboardAccess = 'manage' | 'read' | 'none';

export function dashboardAccess(actor: Actor | null): DashboardAccess {
  if (!actor) return 'none';
  if (mayOpen(actor, 'queue.manage')) return 'manage';
  if (mayOpen(actor, 'queue.read')) return 'read';
  return 'none';
}

/** The nonce of this request's Content-Security-Policy (proxy.ts), for the dashboard's scripts. */
export function cspNonce(policy: string | null): string | null {
  return policy ? (/'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null) : null;
}

/** The dashboard's page with this request's nonce on each script, so the CSP lets them run. */
export function withNonce(html: string, nonce: string): string {
  return html.replace(/<script(?![^>]*\snonce=)/g, `<script nonce="${nonce}"`);
}
