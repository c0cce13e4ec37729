// Everything the worker needs to publish one post, in one query.
import { db } from '../db';

export async function loadPostForPublishing(postId: string) {
  return db.post.findUniqueOrThrow({
    where: { id: postId },
    select: {
      id: true,
      status: true,
      revision: true,
      scheduledAt: true,
      attempts: true,
      lastError: true,
      text: true,
      claimedAt: true,
      organisationId: true,
      campaignId: true,
      channelId: true,
      platform: true,
      channel: {
        select: {
          id: true,
          platform: true,
          handle: true,
          externalAccountId: true,
          baseUrl: true,
          credentialsEncrypted: true,
          status: true,
          statusReason: true,
        },
      },
      organisation: { select: { slug: true, name: true, area: true } },
      campaign: { select: { slug: true, name: true } },
      message: {
        select: {
          body: true,
          overrides: true,
          media: {
            orderBy: { position: 'asc' },
            select: {
              altText: true,
              media: {
                select: {
                  id: true,
                  mimeType: true,
                  bytes: true,
                  width: true,
                  height: true,
                  storagePath: true,
                },
              },
            },
          },
        },
      },
    },
  });
}

export type PostForPublishing = Awaited<ReturnType<typeof loadPostForPublishing>>;
