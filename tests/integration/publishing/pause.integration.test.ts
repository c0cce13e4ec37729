// A pause taken while posts are due: nothing in scope is published after the pause is
// acknowledged; those posts are held; releasing them publishes them, once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createPause } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { releasePost } from '@/lib/posts/release-post';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { resetDatabase } from '../../support/database';
import { actorFor, approvedMessage } from '../../support/fixtures';
import { waitFor } from '../../support/processes';
import { resetSandbox, sandboxPosts, setLatency } from '../../support/sandbox';
import { inProcessWorkers, statuses, waitForStatus } from '../../support/workers';

let workers: Awaited<ReturnType<typeof inProcessWorkers>>;

beforeAll(async () => {
  await resetDatabase();
  workers = await inProcessWorkers();
});
afterAll(async () => {
  await workers.stop();
});
beforeEach(async () => {
  await resetSandbox();
});

describe('a global pause taken while posts are due', () => {
  it(
    'stops publishing at once, holds what falls due, and release publishes each once',
    { timeout: 60_000 },
    async () => {
      const lead = await actorFor('lead@nw-rocu.example');
      const message = await approvedMessage();
      const channels = await db.channel.findMany({
        where: { platform: { not: 'instagram' } },
        orderBy: { id: 'asc' },
      });
      const start = Date.now() + 1500;
      // One post a second per channel-round: a steady stream still due when the pause comes.
      const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
        targets: channels.slice(0, 30).map((channel, index) => ({
          channelId: channel.id,
          scheduledAt: new Date(start + index * 250).toISOString(),
        })),
      });
      const ids = posts.map((post) => post.id);
      await setLatency(150);
      await waitFor(async () => [...(await statuses(ids)).values()].includes('published'), {
        what: 'the first post to go out',
      });

      const pause = await createPause(lead.actor, lead.audit, {
        scope: 'global',
        reason: 'Major incident: stop all posts',
      });
      expect(pause.settled).toBe(true);
      const publishedAtPause = (await sandboxPosts()).length;
      expect(publishedAtPause).toBeLessThan(ids.length);

      // Everything else falls due during the pause and is held, not sent.
      await waitFor(
        async () =>
          [...(await statuses(ids)).values()].every(
            (status) => status === 'published' || status === 'held',
          ),
        { timeoutMs: 20_000, what: 'the remaining posts to be held' },
      );
      expect((await sandboxPosts()).length).toBe(publishedAtPause);
      const heldRows = await db.post.findMany({ where: { id: { in: ids }, status: 'held' } });
      expect(heldRows.length).toBe(ids.length - publishedAtPause);
      for (const row of heldRows)
        expect(row.heldReason).toMatch(/Paused for every organisation: Major incident/);

      // Lifting sends nothing by itself: held posts wait for a person.
      await liftPause(lead.actor, lead.audit, pause.id);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await sandboxPosts()).length).toBe(publishedAtPause);

      for (const row of heldRows) await releasePost(lead.actor, lead.audit, row.id);
      await waitForStatus(ids, 'published', 30_000);
      const onPlatform = await sandboxPosts();
      expect(onPlatform).toHaveLength(ids.length);
      expect(new Set(onPlatform.map((post) => `${post.platform}:${post.id}`)).size).toBe(
        ids.length,
      );
    },
  );

  it('a release while the pause is still on is refused with the reason', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage();
    const channel = await db.channel.findFirstOrThrow({
      where: { organisation: { slug: 'cumbria' }, platform: 'facebook' },
    });
    const pause = await createPause(lead.actor, lead.audit, {
      scope: 'organisation',
      organisation: 'cumbria',
      reason: 'Local incident',
    });
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      targets: [{ channelId: channel.id, scheduledAt: new Date(Date.now() + 500).toISOString() }],
    });
    await waitForStatus([posts[0]!.id], 'held');
    await expect(releasePost(lead.actor, lead.audit, posts[0]!.id)).rejects.toThrow(
      /held again: Paused for all of Cumbria Constabulary/,
    );
    await liftPause(lead.actor, lead.audit, pause.id);
    await releasePost(lead.actor, lead.audit, posts[0]!.id);
    await waitForStatus([posts[0]!.id], 'published');
  });
});
