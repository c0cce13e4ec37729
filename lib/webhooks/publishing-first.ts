// Publishing comes first: while the publish queue has a backlog (posts due now waiting for a
// slot), this process's webhook worker takes no new delivery. On two shared cores every delivery
// made during a publishing burst takes CPU from it (measured: docs/BENCHMARKS.md, issue 9): a
// burst's deliveries wait the seconds it lasts, then go at once. Unlike polling's rule
// (lib/reach/publishing-busy.ts, which also counts posts being published), a post merely being
// published does not hold deliveries: at an ordinary rate one nearly always is, and a delivery
// must follow its post within a second, not minutes. One queue count every 100 ms per process,
// never one per delivery.
import type { Worker } from 'bullmq';
import type { Logger } from '../log';
import { QUEUES } from '../queue/jobs';
import { queue } from '../queue/queues';

async function publishingBacklog(): Promise<boolean> {
  const counts = await queue(QUEUES.publish).getJobCounts('wait', 'prioritized');
  return (counts.wait ?? 0) + (counts.prioritized ?? 0) > 0;
}

const CHECK_EVERY_MS = 100;

export function holdWhilePublishing(worker: Worker, log: Logger): void {
  let paused = false;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const busy = await publishingBacklog();
      // Active deliveries finish; no new one starts until publishing is idle.
      if (busy && !paused) {
        paused = true;
        await worker.pause(true);
      } else if (!busy && paused) {
        paused = false;
        await worker.resume();
      }
    } catch (error) {
      log.warn({ err: error }, 'could not read the publish queue; deliveries go on');
      if (paused) {
        paused = false;
        await worker.resume().catch(() => undefined);
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  worker.on('closing', () => clearInterval(timer));
}
