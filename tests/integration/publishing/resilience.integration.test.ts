// Nothing missed, nothing twice: a worker killed mid-burst, Redis losing its data, two worker
// processes on one queue.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { resetDatabase } from '../../support/database';
import { burst, expectEachPublishedOnce } from '../../support/bursts';
import type { Started } from '../../support/processes';
import { waitFor } from '../../support/processes';
import { clearRedisPrefix } from '../../support/redis';
import { resetSandbox, sandboxPosts, setLatency } from '../../support/sandbox';
import { statuses, waitForStatus, workerProcess } from '../../support/workers';

const running: Started[] = [];

beforeAll(async () => {
  await resetDatabase();
});
beforeEach(async () => {
  await resetSandbox();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop('SIGKILL')));
  // Each test starts clean: what one left unfinished must not be published during the next,
  // and the sandbox must have answered every call already sent before it is reset.
  await db.post.updateMany({
    where: { status: { notIn: ['published', 'cancelled'] } },
    data: { status: 'cancelled' },
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
});

describe('a worker killed with SIGKILL in the middle of a burst', () => {
  it('is restarted, and every post is published exactly once', { timeout: 90_000 }, async () => {
    await setLatency(400);
    const ids = await burst(60, new Date(Date.now() + 2000));
    running.push(await workerProcess({ WORKER_CONCURRENCY: '10' }));
    await waitFor(
      async () =>
        [...(await statuses(ids)).values()].filter((status) => status === 'published').length >= 10,
      {
        timeoutMs: 30_000,
        what: 'the burst to be under way',
      },
    );
    const inFlight = [...(await statuses(ids)).values()].filter(
      (status) => status === 'publishing',
    ).length;
    await running.pop()!.stop('SIGKILL');
    expect(inFlight).toBeGreaterThan(0);

    running.push(await workerProcess({ WORKER_CONCURRENCY: '10' }));
    await waitForStatus(ids, 'published', 60_000);
    await expectEachPublishedOnce(ids);
    const unconfirmed = await db.auditEvent.count({
      where: { action: 'post.unconfirmed', entityId: { in: ids } },
    });
    expect(unconfirmed).toBeGreaterThan(0);
  });
});

describe('a worker stopped with SIGTERM', () => {
  it(
    'finishes the posts it is publishing, takes no more, and exits cleanly',
    { timeout: 60_000 },
    async () => {
      await setLatency(1500);
      const worker = await workerProcess({ WORKER_CONCURRENCY: '5' });
      running.push(worker);
      const ids = await burst(20, new Date(Date.now() + 1500));
      await waitFor(async () => [...(await statuses(ids)).values()].includes('publishing'), {
        what: 'a post in flight',
      });
      const code = await worker.stop('SIGTERM');
      running.pop();
      expect(code).toBe(0);
      expect(worker.output()).toMatch(/stopped/);
      const after = await statuses(ids);
      // Nothing was left half-done: every claimed post was finished before the process exited.
      expect([...after.values()].filter((status) => status === 'publishing')).toEqual([]);
      expect([...after.values()].filter((status) => status === 'published').length).toBeGreaterThan(
        0,
      );
      expect((await sandboxPosts()).length).toBe(
        [...after.values()].filter((status) => status === 'published').length,
      );
    },
  );
});

describe('Redis flushed with posts still in the future', () => {
  it(
    'the reconciler restores their jobs and they are published on time',
    { timeout: 60_000 },
    async () => {
      running.push(await workerProcess());
      const dueAt = new Date(Date.now() + 8000);
      const ids = await burst(5, dueAt);
      await clearRedisPrefix(env().REDIS_URL, env().QUEUE_PREFIX);
      await waitForStatus(ids, 'published', 30_000);
      await expectEachPublishedOnce(ids);
      const rows = await db.post.findMany({ where: { id: { in: ids } } });
      for (const row of rows) {
        const lateness = row.publishedAt!.getTime() - row.scheduledAt.getTime();
        expect(lateness).toBeGreaterThanOrEqual(0);
        // On time: within a reconcile interval or two, not lost.
        expect(lateness).toBeLessThan(5000);
      }
    },
  );
});

describe('two worker processes on one queue', () => {
  it('publish every post once between them', { timeout: 60_000 }, async () => {
    await setLatency(20);
    running.push(await workerProcess(), await workerProcess());
    const ids = await burst(120, new Date(Date.now() + 1500));
    await waitForStatus(ids, 'published', 45_000);
    await expectEachPublishedOnce(ids);
    const claimedBy = await db.post.groupBy({ by: ['claimedBy'], where: { id: { in: ids } } });
    expect(claimedBy.length).toBe(2);
  });
});
