// The signed-in person behind a request, with their memberships: from a browser session
// (better-auth cookie) or a personal API token (Authorization: Bearer).
import type { OrganisationKind } from '@/prisma/generated/enums';
import type { AuditActor } from '../audit/record-audit';
import { db } from '../db';
import { AppError } from '../errors';
import { auth } from './auth';
import type { Actor, ActorMembership } from './permissions';
import { type ActorUser, ACTOR_USER_SELECT } from './actor-user';
import { resolveApiToken } from './api-tokens';

export interface MembershipWithOrganisation extends ActorMembership {
  organisation: { id: string; slug: string; name: string; kind: OrganisationKind };
}

export interface CurrentActor extends Actor {
  user: { id: string; email: string; name: string };
  memberships: MembershipWithOrganisation[];
  /** How the request was authenticated; an API token shows as its prefix in the audit log. */
  via: { kind: 'session'; sessionId?: string } | { kind: 'token'; prefix: string };
}

export async function loadActor(
  userId: string,
  via: CurrentActor['via'],
): Promise<CurrentActor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: ACTOR_USER_SELECT });
  return user?.active ? toActor(user, via) : null;
}

function toActor(user: ActorUser, via: CurrentActor['via']): CurrentActor {
  const { memberships, active: _active, ...identity } = user;
  return { userId: user.id, user: identity, memberships, via };
}

/** The actor, or null when the request carries no valid session or token. */
export async function actorFromHeaders(headers: Headers): Promise<CurrentActor | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) {
      throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>".');
    }
    // The token and its user in one query: this runs on every API request.
    const token = await resolveApiToken(match[1]);
    // Deactivating revokes the person's tokens too; this holds should one be missed.
    if (!token.user.active) throw new AppError('unauthorized', 'The API token has been revoked.');
    return toActor(token.user, { kind: 'token', prefix: token.prefix });
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return loadActor(session.user.id, { kind: 'session', sessionId: session.session.id });
}

export function auditActor(actor: CurrentActor): AuditActor {
  return {
    userId: actor.userId,
    label:
      actor.via.kind === 'token'
        ? `${actor.user.email} (api-token:${actor.via.prefix})`
        : actor.user.email,
  };
}
