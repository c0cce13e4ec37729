// This machine's ceiling for BullMQ: a worker that does nothing but complete jobs. Delayed
// jobs, as Signpost's are, all due at once; jobs per second from due to the last completion.
import { Queue, Worker } from 'bullmq';
import { env } from '@/lib/env';
import { createRedis } from '@/lib/redis';
import { sleep } from './support';

/**
 * Jobs per second for a worker whose job is `work` (nothing, for the true ceiling; one HTTP call,
 * to show how much of the gap a platform call alone explains).
 */
export async function ceiling(
  jobs: number,
  concurrency: number,
  work: () => Promise<unknown> = async () => undefined,
): Promise<number> {
  const prefix = `${env().QUEUE_PREFIX}-ceiling-${Date.now()}`;
  const queue = new Queue('ceiling', { connection: createRedis(), prefix });
  const dueAt = Date.now() + 5_000 + jobs;
  for (let offset = 0; offset < jobs; offset += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - offset) }, (_, i) => ({
        name: 'nothing',
        data: { n: offset + i },
        opts: {
          jobId: `nothing-${offset + i}`,
          delay: dueAt - Date.now(),
          removeOnComplete: { count: jobs },
        },
      })),
    );
  }
  let completed = 0;
  let lastAt = 0;
  const worker = new Worker(
    'ceiling',
    async () => {
      await work();
      completed += 1;
      lastAt = Date.now();
    },
    { connection: createRedis(), prefix, concurrency },
  );
  while (completed < jobs) await sleep(50);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / ((lastAt - dueAt) / 1000);
}
