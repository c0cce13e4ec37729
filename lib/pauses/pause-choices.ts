// What a person may still pause now: everything, an organisation or a campaign, each offered only
// when they may pause it and it is not already paused (a global pause leaves nothing to pause). The
// Schedule page offers "Pause publishing" from this, never from its own reading of the pauses.
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { activePauseWhere } from './pause-view';

export interface PauseChoices {
  everything: boolean;
  organisations: { slug: string; name: string }[];
  campaigns: { id: string; name: string }[];
  /** Why there is nothing to pause, when there is nothing. */
  nothingBecause: string | null;
}

export async function pauseChoices(actor: Actor, now = new Date()): Promise<PauseChoices> {
  const regionWide = can(actor, 'pause.manage', { organisationId: null });
  const [active, organisations, campaigns] = await Promise.all([
    db.pause.findMany({
      where: activePauseWhere(now),
      select: { scope: true, organisationId: true, campaignId: true },
    }),
    db.organisation.findMany({
      where: { active: true },
      select: { id: true, slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    regionWide
      ? db.campaign.findMany({
          where: { status: 'active' },
          select: { id: true, name: true },
          orderBy: { startsAt: 'desc' },
        })
      : Promise.resolve([]),
  ]);
  if (active.some((pause) => pause.scope === 'global')) {
    return {
      everything: false,
      organisations: [],
      campaigns: [],
      nothingBecause: 'Everything is paused.',
    };
  }
  const paused = (scope: 'organisation' | 'campaign', id: string) =>
    active.some(
      (pause) =>
        pause.scope === scope &&
        (scope === 'organisation' ? pause.organisationId : pause.campaignId) === id,
    );
  const choices = {
    everything: regionWide,
    organisations: organisations
      .filter(
        (o) =>
          can(actor, 'pause.manage', { organisationId: o.id }) && !paused('organisation', o.id),
      )
      .map(({ slug, name }) => ({ slug, name })),
    campaigns: campaigns.filter((c) => !paused('campaign', c.id)),
  };
  const mayPauseSome = organisations.some((o) =>
    can(actor, 'pause.manage', { organisationId: o.id }),
  );
  return {
    ...choices,
    nothingBecause:
      choices.everything || choices.organisations.length > 0 || choices.campaigns.length > 0
        ? null
        : mayPauseSome
          ? 'Publishing is paused for every organisation you look after.'
          : null,
  };
}
