// The checks on a message's content that need the database: its theme must be one of its
// campaign's, and its images must have been uploaded. Shared by create and edit.
import type { Prisma } from '@/prisma/generated/client';
import type { Theme } from '../campaigns/campaign-schemas';
import { conflict, invalid, notFound } from '../errors';
import type { MessageMediaInput } from './message-schemas';

type Tx = Prisma.TransactionClient;

export interface CampaignFacts {
  id: string;
  slug: string;
  name: string;
  themes: Theme[];
  status: 'active' | 'archived';
}

const campaignFacts = { id: true, slug: true, name: true, themes: true, status: true } as const;

function assertOpen(campaign: CampaignFacts): CampaignFacts {
  if (campaign.status === 'archived') {
    throw conflict(
      `The campaign "${campaign.name}" is archived, so its messages can no longer be written or changed.`,
    );
  }
  return campaign;
}

/** The campaign a new message is written for: named in the request, so unknown is a 400. */
export async function openCampaign(tx: Tx, campaignId: string): Promise<CampaignFacts> {
  const campaign = await tx.campaign.findUnique({
    where: { id: campaignId },
    select: campaignFacts,
  });
  if (!campaign) {
    throw invalid('The campaign was not found.', {
      campaignId: `is "${campaignId}", which is not a campaign`,
    });
  }
  return assertOpen(campaign);
}

/** The campaign of an existing message, which must still be running for the message to change. */
export async function campaignOfMessage(tx: Tx, campaignId: string): Promise<CampaignFacts> {
  const campaign = await tx.campaign.findUnique({
    where: { id: campaignId },
    select: campaignFacts,
  });
  if (!campaign) throw notFound('Campaign');
  return assertOpen(campaign);
}

export function assertThemeOfCampaign(campaign: CampaignFacts, theme: Theme): void {
  if (campaign.themes.includes(theme)) return;
  const themes = campaign.themes.join(', ');
  throw invalid(
    `The theme "${theme}" is not one of the themes of "${campaign.name}" (${themes}).`,
    {
      theme: `is "${theme}", which is not one of this campaign's themes: ${themes}`,
    },
  );
}

/** 400 naming each image id that is not an uploaded image. */
export async function assertMediaExist(tx: Tx, media: readonly MessageMediaInput[]): Promise<void> {
  if (media.length === 0) return;
  const found = await tx.media.findMany({
    where: { id: { in: media.map((item) => item.mediaId) } },
    select: { id: true },
  });
  const known = new Set(found.map((row) => row.id));
  const fields: Record<string, string> = {};
  media.forEach((item, index) => {
    if (!known.has(item.mediaId))
      fields[`media.${index}.mediaId`] = `is "${item.mediaId}", which is not an uploaded image`;
  });
  const missing = Object.keys(fields);
  if (missing.length) {
    throw invalid(
      `${missing.length === 1 ? 'An image was' : 'Some images were'} not found; upload ${missing.length === 1 ? 'it' : 'them'} first.`,
      fields,
    );
  }
}

/** The message's images, in the order given, replacing any it had. */
export async function replaceMedia(
  tx: Tx,
  messageId: string,
  media: readonly MessageMediaInput[],
): Promise<void> {
  await tx.messageMedia.deleteMany({ where: { messageId } });
  if (media.length === 0) return;
  await tx.messageMedia.createMany({
    data: media.map((item, position) => ({
      messageId,
      mediaId: item.mediaId,
      altText: item.altText,
      altTextCy: item.altTextCy ?? null,
      position,
    })),
  });
}
