import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/permissions';
import { cspNonce, dashboardAccess, withNonce } from './dashboard-access';

const actorWith = (...roles: (typeof ROLES)[number][]) => ({
  userId: 'u1',
  memberships: roles.map((role, index) => ({ organisationId: `o${index}`, role })),
});

describe('dashboardAccess', () => {
  it('lets administrators act, campaign leads watch, and nobody else in', () => {
    expect(dashboardAccess(actorWith('admin'))).toBe('manage');
    expect(dashboardAccess(actorWith('campaign_lead'))).toBe('read');
    expect(dashboardAccess(actorWith('comms_officer'))).toBe('none');
    expect(dashboardAccess(actorWith('partner'))).toBe('none');
    expect(dashboardAccess(actorWith('viewer'))).toBe('none');
    expect(dashboardAccess(null)).toBe('none');
  });

  it('takes the strongest of a person’s roles', () => {
    expect(dashboardAccess(actorWith('viewer', 'campaign_lead'))).toBe('read');
    expect(dashboardAccess(actorWith('campaign_lead', 'admin'))).toBe('manage');
  });

  it('refuses a role it does not know', () => {
    expect(
      dashboardAccess({
        userId: 'u',
        memberships: [{ organisationId: 'o', role: 'root' as 'admin' }],
      }),
    ).toBe('none');
  });
});

describe('the dashboard page under the CSP', () => {
  it('puts the request’s nonce on every script, once', () => {
    const nonce = cspNonce("default-src 'self'; script-src 'self' 'nonce-abc+/=' 'strict-dynamic'");
    expect(nonce).toBe('abc+/=');
    const html = withNonce(
      '<script id="c" type="application/json">{}</script><script src="/a.js"></script><script nonce="x"></script>',
      nonce!,
    );
    expect(html).toBe(
      '<script nonce="abc+/=" id="c" type="application/json">{}</script><script nonce="abc+/=" src="/a.js"></script><script nonce="x"></script>',
    );
  });

  it('finds no nonce where there is no policy', () => {
    expect(cspNonce(null)).toBeNull();
    expect(cspNonce("default-src 'self'")).toBeNull();
  });
});
