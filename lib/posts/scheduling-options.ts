// What the "Schedule this message" dialog may offer one person for one message: the organisations
// they may schedule for, those organisations' active channels, and which organisations a fan-out
// starts with. Computed with the rule scheduleMessage enforces (`post.schedule`), so the dialog
// never offers a choice the server would then refuse.
import { can, organisationScope, type Actor } from '../auth/permissions';
import type { ChannelSummary } from '../channels/list-channels';
import { db } from '../db';
import { assertReadable } from '../messages/message-access';
import type { OrganisationSummary } from '../organisations/list-organisations';
import { PLATFORMS, type Platform } from '../platforms/types';
import { platformProblems, type PlatformProblems } from './platform-fit';
import { compareOrganisations, inDefaultFanOut } from '../organisations/fan-out-organisations';

export type SchedulingOrganisation = Pick<OrganisationSummary, 'id' | 'slug' | 'name' | 'kind'>;
type OrganisationWithArea = SchedulingOrganisation & Pick<OrganisationSummary, 'area'>;
export type SchedulingChannel = Omit<ChannelSummary, 'organisation' | 'statusReason' | 'language'>;

/** Plain data only: it crosses from a server component into the client dialog. */
export interface SchedulingOptions {
  /** Those the actor may schedule for: forces, then the regional unit, then partners; by name. */
  organisations: SchedulingOrganisation[];
  /** The active channels of those organisations, in the same organisation order, then platform. */
  channels: SchedulingChannel[];
  /** The organisations a fan-out starts with ticked; always a subset of `organisations`. */
  defaultOrganisationSlugs: string[];
  messageShareable: boolean;
  /**
   * The platforms the message cannot go on for some organisation offered, with why: a fan-out
   * starts with them switched off, and the dialog says why beside them.
   */
  platformProblems: PlatformProblems;
}

/**
 * The choices for scheduling `messageId`. A message the actor may not read is not found (its
 * existence does not leak); one that is not approved, or whose campaign is archived, offers
 * nothing, since the server would refuse it whatever was chosen.
 */
export async function schedulingOptions(
  actor: Actor,
  messageId: string,
): Promise<SchedulingOptions> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      authorId: true,
      shareable: true,
      status: true,
      body: true,
      overrides: true,
      campaign: { select: { status: true, slug: true } },
    },
  });
  assertReadable(actor, message);
  const approved = message.status === 'approved';
  const none = {
    organisations: [],
    channels: [],
    defaultOrganisationSlugs: [],
    platformProblems: {},
  };
  if (!approved || message.campaign.status === 'archived') {
    return { ...none, messageShareable: message.shareable };
  }

  const scope = organisationScope(actor, 'post.schedule');
  const candidates = await db.organisation.findMany({
    // A deactivated organisation is offered nowhere: it has left the campaign.
    where: { active: true, ...(scope === 'all' ? {} : { id: { in: scope } }) },
    select: { id: true, slug: true, name: true, kind: true, area: true },
  });
  // The scope says which organisations a role reaches; `can` adds the message's own conditions
  // (a partner schedules only what is shareable).
  const organisations = candidates
    .filter((o) => can(actor, 'post.schedule', { organisationId: o.id, message }))
    .sort(compareOrganisations);
  const position = new Map(organisations.map((o, index) => [o.id, index]));

  const channels = (
    await db.channel.findMany({
      where: { organisationId: { in: [...position.keys()] }, status: 'active' },
      select: { id: true, organisationId: true, platform: true, handle: true, status: true },
    })
  ).sort(
    (a, b) =>
      (position.get(a.organisationId) ?? 0) - (position.get(b.organisationId) ?? 0) ||
      PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) ||
      a.handle.localeCompare(b.handle, 'en-GB'),
  );

  const slugs = new Set(organisations.map((o) => o.slug));
  // Whoever may schedule anywhere starts from the whole police family; everyone else from their own.
  const wanted =
    scope === 'all'
      ? organisations.filter(inDefaultFanOut).map((o) => o.slug)
      : organisations
          .filter((o) => actor.memberships.some((m) => m.organisationId === o.id))
          .map((o) => o.slug);
  const publishers = new Map<Platform, OrganisationWithArea[]>();
  const byId = new Map(organisations.map((o) => [o.id, o]));
  for (const channel of channels) {
    const organisation = byId.get(channel.organisationId);
    const list = publishers.get(channel.platform) ?? [];
    if (organisation && !list.includes(organisation))
      publishers.set(channel.platform, [...list, organisation]);
  }
  return {
    organisations: organisations.map(({ area: _area, ...organisation }) => organisation),
    channels,
    platformProblems: await platformProblems({
      message: { ...message, campaignSlug: message.campaign.slug },
      publishers,
    }),
    defaultOrganisationSlugs: wanted.filter((slug) => slugs.has(slug)),
    messageShareable: message.shareable,
  };
}
