// Gives each demo message its theme's campaign card (campaign-card-image.ts), so the demo can
// publish on Instagram, which takes no caption without an image. The cards go through the media
// pipeline as an upload by the demo's campaign lead would: re-encoded, thumbnailed, audited, and
// stored once per theme (the pipeline keys images by SHA-256, and a card's bytes never change).
//
// Idempotent: only a demo message with no image at all is given one, so a second seed adds
// nothing and an image a lead has attached is never replaced. A demo seeded before the cards
// existed gets them on its next seed.
import { loadActor } from '../../lib/auth/actor';
import { storeMedia } from '../../lib/media/store-media';
import type { PrismaClient } from '../generated/client';
import type { Theme } from '../generated/enums';
import { DEMO_CAMPAIGN, DEMO_EMAILS, DEMO_MESSAGES } from './campaign';
import { campaignCard } from './campaign-card-image';

interface StoredCard {
  mediaId: string;
  altText: string;
}

/**
 * Attaches the cards; returns how many messages were given one. Needs the demo users and the
 * demo campaign. The media pipeline writes through the app's own database client (lib/db), which
 * is the one the seed runs with.
 */
export async function seedCampaignCards(db: PrismaClient): Promise<number> {
  const bare = await db.message.findMany({
    where: {
      campaign: { slug: DEMO_CAMPAIGN.slug },
      title: { in: DEMO_MESSAGES.map((message) => message.title) },
      media: { none: {} },
    },
    select: { id: true, theme: true },
  });
  // Nothing to draw or store on a re-seed.
  if (bare.length === 0) return 0;

  const uploader = await db.user.findUnique({
    where: { email: DEMO_EMAILS.lead },
    select: { id: true },
  });
  const actor = uploader ? await loadActor(uploader.id, { kind: 'session' }) : null;
  if (!actor) {
    throw new Error(
      `The campaign cards need the demo user ${DEMO_EMAILS.lead}; seed the users first.`,
    );
  }

  const stored = new Map<Theme, Promise<StoredCard>>();
  const cardFor = (theme: Theme): Promise<StoredCard> => {
    let card = stored.get(theme);
    if (!card) {
      card = campaignCard(theme).then(async ({ bytes, altText }) => ({
        mediaId: (await storeMedia(actor, bytes)).media.id,
        altText,
      }));
      stored.set(theme, card);
    }
    return card;
  };
  const attachments = await Promise.all(
    bare.map(async ({ id, theme }) => {
      const { mediaId, altText } = await cardFor(theme);
      return { messageId: id, mediaId, altText, position: 0 };
    }),
  );
  // Two seeds at once both find a message bare; the second's row is the same row, so skip it.
  await db.messageMedia.createMany({ data: attachments, skipDuplicates: true });
  return attachments.length;
}
