import { describe, expect, it } from 'vitest';
import { actsAsPartner, navigationFor } from './navigation';
import type { Actor } from './permissions';

const partner: Actor = {
  userId: 'u',
  memberships: [{ organisationId: 'council', role: 'partner' }],
};
const comms: Actor = {
  userId: 'c',
  memberships: [{ organisationId: 'force', role: 'comms_officer' }],
};

describe("a partner's navigation", () => {
  it('is its own when acting for a partner organisation', () => {
    const items = navigationFor(partner, { role: 'partner', organisation: { kind: 'partner' } });
    expect(items.map((item) => item.label)).toEqual([
      'Ready to share',
      'Shared',
      'Schedule',
      'Ready to schedule',
      'Reach',
      'Notifications',
      'Settings',
    ]);
  });

  it("is a force's for everyone else, and without an active membership", () => {
    const labels = navigationFor(comms, {
      role: 'comms_officer',
      organisation: { kind: 'force' },
    }).map((item) => item.label);
    expect(labels).toContain('Dashboard');
    expect(labels).toContain('Campaigns');
    expect(navigationFor(partner).map((item) => item.label)).toContain('Dashboard');
  });

  it("shows the partners' amplification to leads, not to comms officers", () => {
    const lead: Actor = {
      userId: 'l',
      memberships: [{ organisationId: 'rocu', role: 'campaign_lead' }],
    };
    expect(navigationFor(lead).map((item) => item.label)).toContain('Amplification');
    expect(navigationFor(comms).map((item) => item.label)).not.toContain('Amplification');
  });

  it('needs both a partner role and a partner organisation', () => {
    expect(actsAsPartner({ role: 'partner', organisation: { kind: 'partner' } })).toBe(true);
    expect(actsAsPartner({ role: 'viewer', organisation: { kind: 'partner' } })).toBe(false);
    expect(actsAsPartner({ role: 'partner', organisation: { kind: 'force' } })).toBe(false);
    expect(actsAsPartner(null)).toBe(false);
  });
});
