import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/permissions';
import { type Audience, describeEvent, type Person, resolveAudience } from './describe-event';
import type { OutboxEvent } from './outbox-event';

const event = (fields: Partial<OutboxEvent>): OutboxEvent => ({
  outboxId: 1n,
  auditEventId: 1n,
  at: new Date('2026-12-01T10:00:00Z'),
  action: 'post.held',
  entityType: 'post',
  entityId: 'post-1',
  organisationId: 'lancs',
  actorId: null,
  actorLabel: 'system',
  before: null,
  after: null,
  ...fields,
});

const person = (userId: string, ...memberships: [string, Role][]): Person => ({
  userId,
  roles: [...new Set(memberships.map(([, role]) => role))],
  memberships: memberships.map(([organisationId, role]) => ({ organisationId, role })),
});

const PEOPLE = [
  person('lead', ['rocu', 'campaign_lead']),
  person('lead2', ['rocu', 'campaign_lead']),
  person('admin', ['rocu', 'admin']),
  person('lancs-comms', ['lancs', 'comms_officer']),
  person('cumbria-comms', ['cumbria', 'comms_officer']),
  person('lancs-viewer', ['lancs', 'viewer']),
  person('council', ['lcc', 'partner']),
];

const audienceOf = (outbox: OutboxEvent, facts = {}) => {
  const described = describeEvent(outbox, facts);
  if (!described) throw new Error('nobody told');
  return resolveAudience(described.audience, PEOPLE).sort();
};

describe('who hears', () => {
  it('a submitted message: every lead but its author', () => {
    const message = { id: 'm', title: 'T', authorId: 'lead', campaignName: 'C' };
    expect(
      audienceOf(event({ action: 'message.submit', entityType: 'message', actorId: 'lead' }), {
        message,
      }),
    ).toEqual(['lead2']);
    expect(
      audienceOf(event({ action: 'message.submit', entityType: 'message' }), {
        message: { ...message, authorId: 'lancs-comms' },
      }),
    ).toEqual(['lead', 'lead2']);
  });

  it('approval and sending back: the author alone', () => {
    const message = { id: 'm', title: 'T', authorId: 'lancs-comms', campaignName: 'C' };
    for (const action of ['message.approve', 'message.reject']) {
      expect(
        audienceOf(event({ action, entityType: 'message', actorId: 'lead' }), { message }),
      ).toEqual(['lancs-comms']);
    }
  });

  it('a reminder to share: the partner organisation’s own partners, no one else', () => {
    const message = { id: 'm', title: 'T', authorId: 'lancs-comms', campaignName: 'C' };
    expect(
      audienceOf(
        event({
          action: 'message.remind',
          entityType: 'message',
          organisationId: 'lcc',
          actorId: 'lead',
        }),
        { message },
      ),
    ).toEqual(['council']);
    expect(
      describeEvent(
        event({ action: 'message.remind', entityType: 'message', organisationId: null }),
        {
          message,
        },
      ),
    ).toBeNull();
  });

  it('a held or failed post: its organisation’s comms officers and partners, and the leads', () => {
    expect(audienceOf(event({ action: 'post.held' }))).toEqual(['lancs-comms', 'lead', 'lead2']);
    expect(audienceOf(event({ action: 'post.failed', organisationId: 'lcc' }))).toEqual([
      'council',
      'lead',
      'lead2',
    ]);
  });

  it('a pause: the people of what it covers, not who took it; every organisation for a global one', () => {
    expect(
      audienceOf(event({ action: 'pause.created', entityType: 'pause', actorId: 'lancs-comms' })),
    ).toEqual(['lancs-viewer', 'lead', 'lead2']);
    expect(
      audienceOf(
        event({
          action: 'pause.created',
          entityType: 'pause',
          organisationId: null,
          actorId: 'lead',
        }),
      ),
    ).toEqual(['council', 'cumbria-comms', 'lancs-comms', 'lancs-viewer', 'lead2']);
  });

  it('a channel needing re-authorising: administrators and its organisation’s comms officers', () => {
    expect(
      audienceOf(event({ action: 'channel.needs_reauth', entityType: 'channel' }), {
        channel: { label: 'X' },
      }),
    ).toEqual(['admin', 'lancs-comms']);
    expect(
      audienceOf(event({ action: 'channel.token_expiring', entityType: 'channel' }), {
        channel: { label: 'X' },
      }),
    ).toEqual(['admin']);
  });

  it('events that only webhooks hear tell no person', () => {
    expect(describeEvent(event({ action: 'post.published' }), {})).toBeNull();
  });

  it('an audience never holds anyone excluded, nor anyone twice', () => {
    const role = fc.constantFrom(...ROLES);
    const org = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('u1', 'u2', 'u3', 'u4'), org, role), { maxLength: 12 }),
        fc.array(
          fc.record({ roles: fc.array(role, { maxLength: 3 }), organisationId: fc.option(org) }),
          {
            maxLength: 3,
          },
        ),
        fc.array(fc.constantFrom('u1', 'u2', 'u5')),
        fc.array(fc.constantFrom('u1', 'u2', 'u3')),
        (memberships, members, users, exclude) => {
          const people = new Map<string, Person>();
          for (const [userId, organisationId, memberRole] of memberships) {
            const current = people.get(userId) ?? { userId, roles: [], memberships: [] };
            current.roles.push(memberRole);
            current.memberships.push({ organisationId, role: memberRole });
            people.set(userId, current);
          }
          const audience: Audience = { members, users, exclude };
          const chosen = resolveAudience(audience, [...people.values()]);
          expect(new Set(chosen).size).toBe(chosen.length);
          for (const excluded of exclude) expect(chosen).not.toContain(excluded);
        },
      ),
    );
  });
});

describe('the words', () => {
  it('a burst of held posts is counted in its title, with the hold’s headline', () => {
    const described = describeEvent(
      event({ after: { heldReason: 'Paused for every organisation: a major incident' } }),
      { post: { messageTitle: 'Help is there', channelLabel: "Lancashire Constabulary's X" } },
    )!;
    expect(described.groupKey).toBe('posts.held:Paused for every organisation: a major incident');
    expect(described.title(1)).toBe('A post held: paused for every organisation');
    expect(described.title(14)).toBe('14 posts held: paused for every organisation');
    expect(described.title(1400)).toBe('1,400 posts held: paused for every organisation');
    expect(described.link).toBe('/schedule?status=held');
  });

  it('a sent-back message carries the reason', () => {
    const described = describeEvent(
      event({
        action: 'message.reject',
        entityType: 'message',
        after: { rejectionReason: 'Name the helpline in full.' },
      }),
      { message: { id: 'm', title: 'T', authorId: 'a', campaignName: 'C' }, actorName: 'Leah' },
    )!;
    expect(described.title(1)).toBe('“T” was sent back to you');
    expect(described.body).toBe('Leah sent it back with the reason: Name the helpline in full.');
  });
});
