// Real workers for tests: in this process (BullMQ workers on the test prefix), or as separate
// processes running workers/main.ts as `npm run worker` does (node with tsx's loader), which a
// test may kill.
import type { Worker } from 'bullmq';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import type { PostStatus } from '@/lib/posts/state-machine';
import { startWorkers } from '@/workers/start-workers';
import { start, type Started, waitFor } from './processes';

/** `now`: the clock the handlers read, for tests that move time rather than wait for it. */
export async function inProcessWorkers(
  options: { now?: () => Date } = {},
): Promise<{ stop(): Promise<void> }> {
  const workers: Worker[] = startWorkers(env(), log, `test-${process.pid}`, options);
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  return { stop: async () => void (await Promise.all(workers.map((worker) => worker.close()))) };
}

export function workerProcess(extraEnv: Record<string, string> = {}): Promise<Started> {
  // One process, node with tsx's loader, so SIGTERM reaches the worker itself: the tsx launcher
  // relays a signal only if its child acknowledges it within 30 ms, and on a busy machine kills
  // the child instead (exit 143), which the SIGTERM test would take for an unclean stop.
  return start(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: { ...process.env, SIGNPOST_SERVICE: 'worker', LOG_LEVEL: 'info', ...extraEnv },
    ready: /workers started/,
    name: 'worker process',
  });
}

export async function statuses(postIds: string[]): Promise<Map<string, PostStatus>> {
  const rows = await db.post.findMany({
    where: { id: { in: postIds } },
    select: { id: true, status: true },
  });
  return new Map(rows.map((row) => [row.id, row.status]));
}

export async function waitForStatus(
  postIds: string[],
  status: PostStatus,
  timeoutMs = 30_000,
): Promise<void> {
  try {
    await waitFor(
      async () => [...(await statuses(postIds)).values()].every((current) => current === status),
      {
        timeoutMs,
        intervalMs: 100,
        what: `${postIds.length} posts to be ${status}`,
      },
    );
  } catch (error) {
    // Say where the posts are instead, with the reasons a person would read.
    const rows = await db.post.findMany({
      where: { id: { in: postIds }, status: { not: status } },
      select: { status: true, platform: true, lastError: true, heldReason: true },
    });
    const summary = rows.map(
      (row) => `${row.platform} ${row.status}: ${row.heldReason ?? row.lastError ?? ''}`,
    );
    throw new Error(
      `${(error as Error).message}; not yet ${status}:\n${[...new Set(summary)].join('\n')}`,
    );
  }
}
