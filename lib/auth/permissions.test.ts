import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  organisationScope,
  OWNED_ACTIONS,
  primaryRole,
  ROLES,
  type Role,
  roleGrants,
} from './permissions';

// For the matrix, which loops over every action: `can` as if it took any facts. Callers in the
// code cannot do this: each action's facts are required by its type.
const canWith = can as (actor: Actor, action: Action, facts?: object) => boolean;

/** Facts that satisfy every condition on the resource, so only the role's grant decides. */
const facts = (action: Action, actor: Actor, organisationId: string | null) => ({
  organisationId,
  authorId: ['message.approve', 'message.reject'].includes(action) ? 'someone-else' : actor.userId,
  message: { status: 'approved', shareable: true },
});

// The full matrix, written out by hand so a change to the role table must be made twice, on
// purpose. A = every organisation, O = own organisation only, - = never.
// prettier-ignore
const EXPECTED: Record<Action, Record<Role, 'A' | 'O' | '-'>> = {
  'organisation.read':   { admin: 'A', campaign_lead: 'A', comms_officer: 'A', partner: 'A', viewer: 'A' },
  'organisation.manage': { admin: 'A', campaign_lead: '-', comms_officer: '-', partner: '-', viewer: '-' },
  'user.manage':         { admin: 'A', campaign_lead: '-', comms_officer: '-', partner: '-', viewer: '-' },
  'channel.read':        { admin: 'A', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: 'O' },
  'channel.manage':      { admin: 'A', campaign_lead: '-', comms_officer: '-', partner: '-', viewer: '-' },
  'signpost.read':       { admin: 'A', campaign_lead: 'A', comms_officer: 'A', partner: 'A', viewer: 'A' },
  'signpost.update':     { admin: 'A', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'campaign.read':       { admin: 'A', campaign_lead: 'A', comms_officer: 'A', partner: 'A', viewer: 'A' },
  'campaign.create':     { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'campaign.update':     { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'message.read':        { admin: 'A', campaign_lead: 'A', comms_officer: 'A', partner: 'A', viewer: 'A' },
  'message.create':      { admin: '-', campaign_lead: 'A', comms_officer: 'A', partner: '-', viewer: '-' },
  'message.update':      { admin: '-', campaign_lead: 'A', comms_officer: 'A', partner: '-', viewer: '-' },
  'message.submit':      { admin: '-', campaign_lead: 'A', comms_officer: 'A', partner: '-', viewer: '-' },
  'message.approve':     { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'message.reject':      { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'message.comment':     { admin: '-', campaign_lead: 'A', comms_officer: 'A', partner: '-', viewer: '-' },
  'post.read':           { admin: 'A', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: 'O' },
  'post.schedule':       { admin: '-', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: '-' },
  'post.manage':         { admin: '-', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: '-' },
  'pause.manage':        { admin: 'A', campaign_lead: 'A', comms_officer: 'O', partner: '-', viewer: '-' },
  'blackout.manage':     { admin: '-', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: '-' },
  'reach.read':          { admin: 'A', campaign_lead: 'A', comms_officer: 'O', partner: 'O', viewer: 'O' },
  'outcome.manage':      { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'reach.refresh':       { admin: '-', campaign_lead: 'A', comms_officer: 'O', partner: '-', viewer: '-' },
  'audit.read':          { admin: 'A', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'reach.totals':        { admin: 'A', campaign_lead: 'A', comms_officer: 'A', partner: '-', viewer: '-' },
  'reach.report':        { admin: '-', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'webhook.manage':      { admin: 'A', campaign_lead: 'A', comms_officer: 'O', partner: '-', viewer: '-' },
  'queue.read':          { admin: 'A', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'queue.manage':        { admin: 'A', campaign_lead: '-', comms_officer: '-', partner: '-', viewer: '-' },
  'amplification.read':  { admin: 'A', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
  'amplification.remind': { admin: 'A', campaign_lead: 'A', comms_officer: '-', partner: '-', viewer: '-' },
};

const OWN = 'org-own';
const OTHER = 'org-other';
const actorWith = (role: Role, userId = 'user-1'): Actor => ({
  userId,
  memberships: [{ organisationId: OWN, role }],
});

describe('the permission matrix: every role × every action × own/other organisation', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it('decides every action that some role holds for its own organisation on that organisation', () => {
    const ownOnly = ACTIONS.filter((action) => Object.values(EXPECTED[action]).includes('O'));
    expect(OWNED_ACTIONS).toEqual(expect.arrayContaining(ownOnly));
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = EXPECTED[action][role];
      it(`${role} ${expected === '-' ? 'may not' : 'may'} ${action} (${expected})`, () => {
        const actor = actorWith(role);
        expect(canWith(actor, action, facts(action, actor, OWN))).toBe(expected !== '-');
        expect(canWith(actor, action, facts(action, actor, OTHER))).toBe(expected === 'A');
        expect(canWith(actor, action, facts(action, actor, null))).toBe(expected === 'A');
        expect(roleGrants(actor, action, OWN)).toBe(expected !== '-');
        expect(roleGrants(actor, action, null)).toBe(expected === 'A');
        const scope = organisationScope(actor, action);
        expect(scope).toEqual(expected === 'A' ? 'all' : expected === 'O' ? [OWN] : []);
      });
    }
  }
});

describe('conditions on the resource', () => {
  const lead = actorWith('campaign_lead', 'lead-1');
  const comms = actorWith('comms_officer', 'comms-1');
  const partner = actorWith('partner', 'partner-1');

  it('an author cannot approve or reject their own message', () => {
    expect(can(lead, 'message.approve', { authorId: 'lead-1' })).toBe(false);
    expect(can(lead, 'message.reject', { authorId: 'lead-1' })).toBe(false);
    expect(can(lead, 'message.approve', { authorId: 'lead-2' })).toBe(true);
  });

  it("nobody edits or submits someone else's draft", () => {
    expect(can(lead, 'message.update', { authorId: 'comms-1' })).toBe(false);
    expect(can(comms, 'message.update', { authorId: 'comms-1' })).toBe(true);
    expect(can(comms, 'message.submit', { authorId: 'lead-1' })).toBe(false);
  });

  it('partners read and schedule only approved, shareable messages', () => {
    const message = (status: string, shareable: boolean) => ({ message: { status, shareable } });
    expect(can(partner, 'message.read', message('approved', false))).toBe(false);
    expect(can(partner, 'message.read', message('in_review', true))).toBe(false);
    expect(can(partner, 'message.read', message('approved', true))).toBe(true);
    expect(can(comms, 'message.read', message('draft', false))).toBe(true);
    const own = { organisationId: OWN };
    expect(can(partner, 'post.schedule', { ...own, ...message('approved', false) })).toBe(false);
    expect(can(partner, 'post.schedule', { ...own, ...message('approved', true) })).toBe(true);
    expect(can(comms, 'post.schedule', { ...own, ...message('approved', false) })).toBe(true);
  });

  it('a comms officer registers webhooks for their own force only, never region-wide', () => {
    expect(can(comms, 'webhook.manage', { organisationId: OWN })).toBe(true);
    expect(can(comms, 'webhook.manage', { organisationId: OTHER })).toBe(false);
    expect(can(comms, 'webhook.manage', { organisationId: null })).toBe(false);
    expect(can(lead, 'webhook.manage', { organisationId: null })).toBe(true);
    expect(can(partner, 'webhook.manage', { organisationId: OWN })).toBe(false);
  });

  it('only an administrator adds organisations and manages people, wherever they belong', () => {
    const admin = actorWith('admin', 'admin-1');
    expect(can(admin, 'organisation.manage', { organisationId: null })).toBe(true);
    expect(can(admin, 'organisation.manage', { organisationId: OTHER })).toBe(true);
    expect(can(admin, 'user.manage')).toBe(true);
    for (const actor of [lead, comms, partner, actorWith('viewer')]) {
      expect(can(actor, 'organisation.manage', { organisationId: OWN })).toBe(false);
      expect(can(actor, 'user.manage')).toBe(false);
    }
  });

  it('fails closed: a missing author, owner or message never means allowed', () => {
    for (const action of ['message.update', 'message.submit', 'message.approve'] as const)
      expect(canWith(lead, action, {})).toBe(false);
    expect(canWith(lead, 'message.read', {})).toBe(false);
    expect(canWith(lead, 'post.schedule', { organisationId: OWN })).toBe(false);
    expect(canWith(comms, 'post.manage', {})).toBe(false);
  });

  it('an unknown role is refused everything', () => {
    const stranger = { userId: 'x', memberships: [{ organisationId: OWN, role: 'owner' as Role }] };
    for (const action of ACTIONS)
      expect(canWith(stranger, action, facts(action, stranger, OWN))).toBe(false);
  });

  it('an actor with no membership may do nothing', () => {
    const nobody: Actor = { userId: 'x', memberships: [] };
    for (const action of ACTIONS)
      expect(canWith(nobody, action, facts(action, nobody, null))).toBe(false);
  });

  it('grants from several memberships add up, each within its own organisation', () => {
    const both: Actor = {
      userId: 'u',
      memberships: [
        { organisationId: 'a', role: 'comms_officer' },
        { organisationId: 'b', role: 'viewer' },
      ],
    };
    const message = { status: 'approved', shareable: false };
    expect(can(both, 'post.schedule', { organisationId: 'a', message })).toBe(true);
    expect(can(both, 'post.schedule', { organisationId: 'b', message })).toBe(false);
    expect(can(both, 'post.read', { organisationId: 'b' })).toBe(true);
    expect(organisationScope(both, 'post.read')).toEqual(['a', 'b']);
    expect(primaryRole(both)).toBe('comms_officer');
  });
});
