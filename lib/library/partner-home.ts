// What a partner's home shows: the library rendered for the organisation, grouped by theme
// (each group in the order of its newest message), its quiet periods still to come, and whether
// it has connected channels to schedule on.
import { THEME_LABELS, type Theme } from '../campaigns/campaign-schemas';
import type { Actor } from '../auth/permissions';
import { db } from '../db';
import { nextElectionPeriod } from '../pauses/election-period';
import { formatLocal } from '../scheduling/london-time';
import { libraryOrganisation } from './library-organisation';
import type { LibraryItem } from './library-schemas';
import { listLibrary } from './list-library';

export interface PartnerHome {
  organisation: { slug: string; name: string; area: string };
  themes: { theme: Theme; label: string; items: LibraryItem[] }[];
  quietPeriods: { id: string; reason: string; from: string; until: string; now: boolean }[];
  hasChannels: boolean;
  /** The next local elections' pre-election period, offered until one covering it is set. */
  election: { reason: string; from: string; until: string } | null;
}

export async function partnerHome(
  actor: Actor,
  slug: string,
  now = new Date(),
): Promise<PartnerHome> {
  const organisation = await libraryOrganisation(actor, slug);
  const [library, blackouts, channels] = await Promise.all([
    listLibrary(actor, { organisation: slug, limit: 100 }, now),
    db.blackout.findMany({
      where: { organisationId: organisation.id, endsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
    }),
    db.channel.count({ where: { organisationId: organisation.id, status: 'active' } }),
  ]);
  const election = nextElectionPeriod(now);
  const themes = new Map<Theme, LibraryItem[]>();
  // The library is newest first, so each theme's first item is its newest.
  for (const item of library.items)
    themes.set(item.theme, [...(themes.get(item.theme) ?? []), item]);
  return {
    organisation: library.organisation,
    themes: [...themes.entries()].map(([theme, items]) => ({
      theme,
      label: THEME_LABELS[theme],
      items,
    })),
    quietPeriods: blackouts.map((blackout) => ({
      id: blackout.id,
      reason: blackout.reason,
      from: formatLocal(blackout.startsAt),
      until: formatLocal(blackout.endsAt),
      now: blackout.startsAt <= now,
    })),
    hasChannels: channels > 0,
    election: blackouts.some(
      (blackout) => blackout.startsAt <= election.startsAt && blackout.endsAt >= election.endsAt,
    )
      ? null
      : {
          reason: election.reason,
          from: formatLocal(election.startsAt),
          until: formatLocal(election.endsAt),
        },
  };
}
