// The pauses a person should see on every page: those that stop something they publish for
// (campaign leads and administrators see every one), each with whether they may lift it.
import { can, organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { platformRules } from '../platforms/rules';
import { activePauseWhere } from './pause-view';

export interface BannerPauseFacts {
  id: string;
  what: string;
  reason: string;
  createdBy: string;
  startsAt: string;
  endsAt: string | null;
  mayLift: boolean;
}

export async function pausesForBanner(actor: Actor, now = new Date()): Promise<BannerPauseFacts[]> {
  const scope = organisationScope(actor, 'post.read');
  const rows = await db.pause.findMany({
    where: {
      ...activePauseWhere(now),
      ...(scope === 'all'
        ? {}
        : {
            AND: [
              {
                OR: [
                  { scope: 'global' },
                  { scope: 'campaign' },
                  { organisationId: { in: scope } },
                  { channel: { organisationId: { in: scope } } },
                ],
              },
            ],
          }),
    },
    orderBy: { startsAt: 'asc' },
    select: {
      id: true,
      scope: true,
      reason: true,
      startsAt: true,
      endsAt: true,
      createdById: true,
      organisationId: true,
      organisation: { select: { name: true } },
      channel: {
        select: {
          handle: true,
          platform: true,
          organisationId: true,
          organisation: { select: { name: true } },
        },
      },
      campaign: { select: { name: true } },
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.createdById) } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((person) => [person.id, person.name]));
  return rows.map((row) => ({
    id: row.id,
    what:
      row.scope === 'global'
        ? 'every organisation'
        : row.scope === 'organisation'
          ? (row.organisation?.name ?? 'an organisation')
          : row.scope === 'channel'
            ? `${row.channel?.organisation.name ?? ''} on ${row.channel ? platformRules[row.channel.platform].label : 'a channel'} (${row.channel?.handle ?? ''})`
            : `the campaign “${row.campaign?.name ?? ''}”`,
    reason: row.reason,
    createdBy: names.get(row.createdById) ?? 'someone',
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    mayLift: can(actor, 'pause.manage', {
      organisationId: row.organisationId ?? row.channel?.organisationId ?? null,
    }),
  }));
}
