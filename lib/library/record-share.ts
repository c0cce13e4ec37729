// "I shared this": a share made outside Signpost, on a platform, with the link to the post when
// the partner gives one, counted in the campaign's amplification. Only an organisation's own
// members record its shares, of messages that organisation may publish, and not inside its
// quiet period (nothing was offered to share then).
import type { AuditActor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { libraryMessages } from './library-messages';
import { libraryOrganisation } from './library-organisation';
import type { ShareRequest, ShareView } from './library-schemas';
import { quietReasons } from './quiet-period';
import { nextPollAt } from '../reach/poll-plan';
import { shareRead } from '../reach/share-read';
import { checkShareLink } from './share-link';

export async function recordShare(
  actor: Actor,
  audit: AuditActor,
  messageId: string,
  request: ShareRequest,
  now = new Date(),
): Promise<ShareView> {
  // The link first: a bad one is a 400 whatever else is wrong, and costs no query.
  let url: string | null = null;
  if (request.url !== undefined && request.url.trim() !== '') {
    const check = checkShareLink(request.platform, request.url.trim());
    if (!check.ok)
      throw new AppError('validation_failed', `The link to your post ${check.problem}.`, {
        url: check.problem,
      });
    url = check.url;
  }
  const organisation = await libraryOrganisation(actor, request.organisation);
  // Shares are an organisation's own: a campaign lead reads every library but records none.
  if (!actor.memberships.some((membership) => membership.organisationId === organisation.id))
    throw notFound('Organisation');
  const message = await db.message.findFirst({
    where: { AND: [{ id: messageId }, libraryMessages(actor, organisation)] },
    select: {
      id: true,
      status: true,
      shareable: true,
      campaign: { select: { id: true, name: true } },
    },
  });
  if (!message) throw notFound('Message');
  // Sharing is publishing on the organisation's own accounts: the same grant as scheduling on
  // its channels (a viewer belongs to the organisation but publishes nothing).
  if (!can(actor, 'post.schedule', { organisationId: organisation.id, message }))
    throw forbidden('Only those who publish for this organisation record its shares.');
  const held = (await quietReasons(organisation, [message.campaign], now)).get(message.campaign.id);
  if (held) throw conflict(`Nothing is shared now. ${held}`);

  return db.$transaction(async (tx) => {
    const share = await tx.share.create({
      data: {
        messageId: message.id,
        organisationId: organisation.id,
        platform: request.platform,
        url,
        createdById: actor.userId,
        createdAt: now,
        // A public link Signpost can read joins the reach polling (lib/reach/poll-shares.ts).
        nextPollAt: shareRead(request.platform, url) ? nextPollAt(now, 0) : null,
      },
    });
    await recordAudit(tx, audit, {
      action: 'message.shared',
      entityId: message.id,
      organisationId: organisation.id,
      after: { shareId: share.id, platform: share.platform, url: share.url },
    });
    return {
      id: share.id,
      messageId: message.id,
      organisation: { slug: organisation.slug, name: organisation.name },
      platform: share.platform,
      url: share.url,
      createdAt: share.createdAt.toISOString(),
    };
  });
}
