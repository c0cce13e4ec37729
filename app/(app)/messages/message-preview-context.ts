// What a live preview needs from the server, once per page: the current signpost, the
// organisations a person may preview for (campaign leads any; everyone else their own) and which
// one to start with (the one they are acting for).
import type { CurrentActor } from '@/lib/auth/actor';
import { organisationScope } from '@/lib/auth/permissions';
import { activeMembership } from '@/lib/auth/session-actor';
import { mediaUrl } from '@/lib/media/media-url';
import type { MessageView } from '@/lib/messages/message-schemas';
import { listOrganisations } from '@/lib/organisations/list-organisations';
import type { Publisher, Signpost } from '@/lib/platforms/types';
import { currentSignpost, toSignpost } from '@/lib/signpost/signpost-store';

export interface PreviewContext {
  signpost: Signpost;
  organisations: Publisher[];
  defaultOrganisation: string;
}

/** The preview's props, and every organisation's name by slug (for the checks' findings). */
export async function previewContext(
  actor: CurrentActor,
): Promise<PreviewContext & { organisationNames: Record<string, string> }> {
  const [signpost, organisations, active] = await Promise.all([
    currentSignpost(),
    listOrganisations({ limit: 500 }),
    activeMembership(actor),
  ]);
  const all = organisations.items
    .map(({ slug, name, area }) => ({ slug, name, area }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const own = new Set(actor.memberships.map((membership) => membership.organisation.slug));
  const mine = all.filter((organisation) => own.has(organisation.slug));
  const choices =
    organisationScope(actor, 'post.schedule') === 'all' || mine.length === 0 ? all : mine;
  const acting = active?.organisation.slug;
  return {
    signpost: toSignpost(signpost),
    organisations: choices,
    defaultOrganisation:
      choices.find((organisation) => organisation.slug === acting)?.slug ?? choices[0]?.slug ?? '',
    organisationNames: Object.fromEntries(
      all.map((organisation) => [organisation.slug, organisation.name]),
    ),
  };
}

/** A message's images as the composer's image field holds them. */
export function composerImages(message: Pick<MessageView, 'media'>) {
  return message.media.map(({ mediaId, altText }) => ({
    mediaId,
    altText,
    thumbnailUrl: mediaUrl(mediaId, 'thumbnail'),
  }));
}
