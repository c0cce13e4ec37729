// Test data built the way the app builds it, straight into the database: an approved message
// (optionally with an image), and actors for the demo users.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { type CurrentActor, auditActor, loadActor } from '@/lib/auth/actor';
import type { AuditActor } from '@/lib/audit/record-audit';
import { db } from '@/lib/db';
import { storeMedia } from '@/lib/media/store-media';
import type { Platform, Theme } from '@/prisma/generated/enums';

export interface TestActor {
  actor: CurrentActor;
  audit: AuditActor;
}

export async function actorFor(email: string): Promise<TestActor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(user.id, { kind: 'session' });
  if (!actor) throw new Error(`no actor for ${email}`);
  return { actor, audit: auditActor(actor) };
}

/** A square campaign card, stored as an upload is (lib/media). */
async function testImage(): Promise<string> {
  const bytes = await sharp({
    create: { width: 1080, height: 1080, channels: 3, background: '#0b53b4' },
  })
    .jpeg()
    .toBuffer();
  const { actor } = await actorFor('lead@nw-rocu.example');
  const { media } = await storeMedia(actor, bytes);
  return media.id;
}

export async function approvedMessage(
  options: {
    body?: string;
    shareable?: boolean;
    withImage?: boolean;
    theme?: Theme;
    /** The Welsh text (issue 13); null for a message without Welsh. */
    bodyCy?: string | null;
  } = {},
) {
  const lead = await db.user.findUniqueOrThrow({ where: { email: 'lead@nw-rocu.example' } });
  const lead2 = await db.user.findUniqueOrThrow({ where: { email: 'lead2@nw-rocu.example' } });
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const campaign = await db.campaign.create({
    data: {
      slug,
      name: `Test campaign ${slug}`,
      startsAt: new Date('2026-01-01T00:00:00Z'),
      endsAt: new Date('2027-12-31T00:00:00Z'),
      themes: ['awareness', 'harm', 'enforcement', 'consequences', 'help'],
    },
  });
  const mediaId = options.withImage ? await testImage() : null;
  return db.message.create({
    data: {
      campaignId: campaign.id,
      title: 'Help is available',
      body:
        options.body ??
        'Worried about your own online behaviour? Police in {area} want you to get help before harm is done.',
      // North Wales Police publishes in Welsh and English (issue 13): a message for every force
      // has Welsh.
      bodyCy:
        options.bodyCy === undefined
          ? 'Yn poeni am eich ymddygiad ar-lein? Mae’r heddlu yn {area} am i chi gael help cyn i niwed ddigwydd.'
          : options.bodyCy,
      theme: options.theme ?? 'help',
      shareable: options.shareable ?? true,
      status: 'approved',
      authorId: lead.id,
      approverId: lead2.id,
      submittedAt: new Date(),
      approvedAt: new Date(),
      ...(mediaId
        ? {
            media: {
              create: {
                mediaId,
                altText: 'The Stop it Now! helpline number on a blue background',
                altTextCy: 'Rhif llinell gymorth Stop it Now! ar gefndir glas',
              },
            },
          }
        : {}),
    },
    include: { campaign: true },
  });
}

/** A channel of an organisation on a platform (the first, if several). */
export async function channelOf(organisation: string, platform: Platform) {
  return db.channel.findFirstOrThrow({ where: { organisation: { slug: organisation }, platform } });
}
