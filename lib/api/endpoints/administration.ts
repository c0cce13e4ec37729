// Administration (API.md): organisations and people, for administrators; accepting an invitation,
// for whoever holds its link.
import { z } from 'zod';
import {
  CreateOrganisationRequest,
  OrganisationChange,
  UpdateOrganisationRequest,
} from '../../organisations/manage-organisation';
import { OrganisationSummary } from '../../organisations/list-organisations';
import {
  AcceptedInvitation,
  AcceptInvitationRequest,
  InvitationToken,
} from '../../people/accept-invitation';
import { Invitation, InvitationRequest } from '../../people/invite-person';
import { PersonView } from '../../people/person-view';
import { PersonChange, UpdatePersonRequest } from '../../people/update-person';
import { PutSsoRequest, SsoView } from '../../sso/manage-sso';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const createOrganisationEndpoint = defineEndpoint({
  method: 'post',
  path: '/organisations',
  summary: 'Add an organisation (a force joining, a regional unit, a partner); administrators',
  tag: 'Administration',
  access: 'signed_in',
  body: CreateOrganisationRequest,
  response: OrganisationSummary,
  successStatus: 201,
  errors: ['forbidden', 'conflict'],
});

export const updateOrganisationEndpoint = defineEndpoint({
  method: 'patch',
  path: '/organisations/{slug}',
  summary:
    'Rename an organisation, change its area, or deactivate it (its scheduled posts are held with the reason) or reactivate it; administrators',
  tag: 'Administration',
  access: 'signed_in',
  params: z.object({ slug: z.string().min(1).max(100) }),
  body: UpdateOrganisationRequest,
  response: OrganisationChange,
  errors: ['forbidden'],
});

export const listUsersEndpoint = defineEndpoint({
  method: 'get',
  path: '/users',
  summary: 'Everyone in Signpost with their roles and status, by email; administrators',
  tag: 'Administration',
  access: 'signed_in',
  query: ListQuery,
  response: listOf(PersonView),
  errors: ['forbidden'],
});

export const inviteUserEndpoint = defineEndpoint({
  method: 'post',
  path: '/users/invitations',
  summary:
    'Invite a person by email with a role per organisation; the link is answered this once and emailed; administrators',
  tag: 'Administration',
  access: 'signed_in',
  body: InvitationRequest,
  response: Invitation,
  successStatus: 201,
  errors: ['forbidden', 'conflict'],
});

export const updateUserEndpoint = defineEndpoint({
  method: 'patch',
  path: '/users/{id}',
  summary:
    "Replace a person's roles, or deactivate them (their sessions and API tokens end at once) or reactivate them; administrators",
  tag: 'Administration',
  access: 'signed_in',
  params: z.object({ id: z.string().min(1).max(64) }),
  body: UpdatePersonRequest,
  response: PersonChange,
  errors: ['forbidden', 'conflict'],
});

export const acceptInvitationEndpoint = defineEndpoint({
  method: 'post',
  path: '/invitations/{token}/accept',
  summary:
    'Set the password of an invited person; the link works once, for 7 days. The password needs 12 characters or more, not a common one, not the name or email',
  tag: 'Administration',
  access: 'public',
  params: z.object({ token: InvitationToken }),
  body: AcceptInvitationRequest,
  response: AcceptedInvitation,
  successStatus: 201,
  errors: ['conflict'],
});

const OrganisationSlugParam = z.object({ slug: z.string().min(1).max(100) });

export const getSsoEndpoint = defineEndpoint({
  method: 'get',
  path: '/organisations/{slug}/sso',
  summary:
    "An organisation's single sign-on (OpenID Connect): issuer, client id, email domains, the role a first sign-in gives, whether passwords still work, and the redirect URI to register; never the client secret; administrators",
  tag: 'Administration',
  access: 'signed_in',
  params: OrganisationSlugParam,
  response: SsoView,
  errors: ['forbidden'],
});

export const putSsoEndpoint = defineEndpoint({
  method: 'put',
  path: '/organisations/{slug}/sso',
  summary:
    "Set up or change an organisation's single sign-on; the client secret is needed the first time (left out later, it is kept) and is stored sealed; administrators",
  description:
    'A person whose email is in `domains` signs in through the issuer; at their first sign-in they become a member of the organisation at `defaultRole` (never admin; viewer unless given). `passwordSignIn: false` refuses password sign-in to its members. An email domain belongs to one organisation only.',
  tag: 'Administration',
  access: 'signed_in',
  params: OrganisationSlugParam,
  body: PutSsoRequest,
  response: SsoView,
  errors: ['forbidden'],
});

export const deleteSsoEndpoint = defineEndpoint({
  method: 'delete',
  path: '/organisations/{slug}/sso',
  summary:
    "Remove an organisation's single sign-on; its members sign in with a password again; administrators",
  tag: 'Administration',
  access: 'signed_in',
  params: OrganisationSlugParam,
  response: z.void(),
  successStatus: 204,
  errors: ['forbidden'],
});
