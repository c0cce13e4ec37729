// Published posts with figures, straight into the database through the code publishing and
// polling use (startReach, recordPoll), for the reach tests.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Figures } from '@/lib/reach/figures';
import { recordPoll } from '@/lib/reach/record-poll';
import { startReach } from '@/lib/reach/start-reach';
import type { Platform } from '@/prisma/generated/enums';
import { channelOf } from './fixtures';

export interface PublishedPostSpec {
  messageId: string;
  organisation: string;
  platform: Platform;
  publishedAt: Date;
  /** Each poll's figures, in order; each is taken one hour after the one before. */
  polls?: Partial<Figures>[];
}

const NOT_REPORTED: Figures = {
  views: null,
  reactions: null,
  comments: null,
  shares: null,
  linkClicks: null,
};

export async function publishedPost(spec: PublishedPostSpec): Promise<string> {
  const channel = await channelOf(spec.organisation, spec.platform);
  const message = await db.message.findUniqueOrThrow({ where: { id: spec.messageId } });
  const post = await db.post.create({
    data: {
      messageId: message.id,
      channelId: channel.id,
      organisationId: channel.organisationId,
      campaignId: message.campaignId,
      platform: spec.platform,
      scheduledAt: spec.publishedAt,
      publishedAt: spec.publishedAt,
      status: 'published',
      text: message.body,
      signpostVersion: 1,
      externalId: `ext-${randomUUID()}`,
      batchId: randomUUID(),
    },
  });
  await db.$transaction((tx) => startReach(tx, post.id, spec.publishedAt));
  let pollsDone = 0;
  for (const [index, figures] of (spec.polls ?? []).entries()) {
    const at = new Date(spec.publishedAt.getTime() + (index + 1) * 3_600_000);
    await recordPoll(
      [
        {
          id: post.id,
          organisationId: channel.organisationId,
          publishedAt: spec.publishedAt,
          pollsDone,
        },
      ],
      new Map([
        [post.id, { kind: 'figures', figures: { ...NOT_REPORTED, ...figures }, raw: { figures } }],
      ]),
      at,
    );
    pollsDone = (await db.post.findUniqueOrThrow({ where: { id: post.id } })).pollsDone;
  }
  return post.id;
}
