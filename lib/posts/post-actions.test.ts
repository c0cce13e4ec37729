import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../auth/permissions';
import { postActions } from './post-actions';
import { POST_STATUSES, type PostStatus } from './state-machine';

// Every status × every role × own/other organisation, written out so a change to the state
// machine or the role table shows here on purpose.
// prettier-ignore
const BY_STATUS: Record<PostStatus, string[]> = {
  scheduled:   ['reschedule', 'cancel'],
  publishing:  [],
  published:   [],
  failed:      ['retry', 'cancel'],
  held:        ['reschedule', 'release', 'cancel'],
  cancelled:   [],
  unconfirmed: [],
};
const MANAGES_OWN: Record<Role, boolean> = {
  admin: false,
  campaign_lead: true,
  comms_officer: true,
  partner: true,
  viewer: false,
};
const MANAGES_OTHERS: Record<Role, boolean> = {
  admin: false,
  campaign_lead: true,
  comms_officer: false,
  partner: false,
  viewer: false,
};

const actor = (role: Role): Actor => ({
  userId: 'user-1',
  memberships: [{ organisationId: 'own', role }],
});

describe("a post's actions: the state machine's moves the person may take", () => {
  for (const role of ROLES) {
    for (const status of POST_STATUSES) {
      it(`${role}, ${status} post of their own organisation and of another`, () => {
        expect(postActions(actor(role), { status, organisationId: 'own' })).toEqual(
          MANAGES_OWN[role] ? BY_STATUS[status] : [],
        );
        expect(postActions(actor(role), { status, organisationId: 'other' })).toEqual(
          MANAGES_OTHERS[role] ? BY_STATUS[status] : [],
        );
      });
    }
  }
});
