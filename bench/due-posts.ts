// Many posts straight into the database and the queue, as scheduling would leave them, without
// paying for scheduling itself (which bench/fan-out measures). Imported after the benchmark's
// environment is set, since lib/db reads it on import.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { enqueuePosts } from '@/lib/publishing/enqueue';
import { approvedMessage } from '../tests/support/fixtures';

/** `count` posts over every channel that needs no image, due at `dueAt(index)`. */
export async function insertDuePosts(
  count: number,
  dueAt: (index: number) => Date,
): Promise<string[]> {
  const message = await approvedMessage({
    body: 'Help is available, in confidence, for anyone in {area} worried about their own online behaviour.',
  });
  const channels = await db.channel.findMany({
    where: { platform: { not: 'instagram' } },
    orderBy: { id: 'asc' },
  });
  const batchId = randomUUID();
  const ids: string[] = [];
  const CHUNK = 2000;
  for (let offset = 0; offset < count; offset += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - offset) }, (_, i) => {
      const index = offset + i;
      const channel = channels[index % channels.length]!;
      return {
        id: randomUUID(),
        messageId: message.id,
        channelId: channel.id,
        organisationId: channel.organisationId,
        campaignId: message.campaignId,
        platform: channel.platform,
        scheduledAt: dueAt(index),
        text: '',
        signpostVersion: 1,
        batchId,
      };
    });
    await db.post.createMany({ data: rows });
    await enqueuePosts(
      rows.map((row) => ({
        id: row.id,
        revision: 0,
        channelId: row.channelId,
        dueAt: row.scheduledAt,
      })),
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
