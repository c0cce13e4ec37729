// A campaign lead starts a campaign. The slug is theirs if they chose one (taken → 409), or made
// from the name and numbered until free.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { isUniqueViolation } from '../db-errors';
import { conflict, forbidden } from '../errors';
import { type CampaignInput, type CampaignView, toCampaignView } from './campaign-schemas';
import { firstFreeSlug, slugFromName } from './campaign-slug';

export async function createCampaign(
  actor: CurrentActor,
  input: CampaignInput,
): Promise<CampaignView> {
  if (!can(actor, 'campaign.create')) throw forbidden('Only campaign leads can start a campaign.');
  try {
    return await db.$transaction(async (tx) => {
      const slug = input.slug ?? (await freeSlugFor(tx, slugFromName(input.name)));
      if (input.slug !== undefined) {
        const holder = await tx.campaign.findUnique({
          where: { slug: input.slug },
          select: { name: true },
        });
        if (holder)
          throw conflict(
            `The slug "${input.slug}" is already used by the campaign "${holder.name}".`,
          );
      }
      const row = await tx.campaign.create({
        data: {
          slug,
          name: input.name,
          description: input.description,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          themes: input.themes,
          createdById: actor.userId,
        },
      });
      const campaign = toCampaignView(row);
      await recordAudit(tx, auditActor(actor), {
        action: 'campaign.create',
        entityId: campaign.id,
        after: campaign,
      });
      return campaign;
    });
  } catch (error) {
    // Two leads creating campaigns of the same name at the same moment: the second is told, not failed.
    if (isUniqueViolation(error))
      throw conflict('Another campaign took that slug a moment ago; try again.');
    throw error;
  }
}

type SlugReader = Pick<typeof db, 'campaign'>;

async function freeSlugFor(tx: SlugReader, base: string): Promise<string> {
  const rows = await tx.campaign.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  return firstFreeSlug(base, new Set(rows.map((row) => row.slug)));
}
