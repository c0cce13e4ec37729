// Publishing comes first: once the publish queue has a backlog (posts due now waiting for a
// slot), this process's webhook worker takes no new delivery until the queue is idle again. On
// two shared cores every delivery made during a publishing burst takes CPU from it (measured:
// docs/BENCHMARKS.md, issue 9): a burst's deliveries wait the seconds it lasts, then go at once.
// Unlike polling's rule (lib/reach/publishing-busy.ts, which also counts posts being published),
// a post merely being published does not start the hold: at an ordinary rate one nearly always
// is, and a delivery must follow its post within a second, not minutes. One queue count every
// 100 ms per process, never one per delivery.
import type { Worker } from 'bullmq';
import type { Logger } from '../log';
import { QUEUES } from '../queue/jobs';
import { queue } from '../queue/queues';

const CHECK_EVERY_MS = 100;

async function publishQueue(): Promise<{ backlog: boolean; idle: boolean }> {
  const counts = await queue(QUEUES.publish).getJobCounts('active', 'wait', 'prioritized');
  const backlog = (counts.wait ?? 0) + (counts.prioritized ?? 0) > 0;
  return { backlog, idle: !backlog && (counts.active ?? 0) === 0 };
}

export function holdWhilePublishing(worker: Worker, log: Logger): void {
  let paused = false;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const publishing = await publishQueue();
      // Held from a backlog until the queue is idle, not merely drained of waiting posts: a
      // burst's last posts would otherwise meet all of its deliveries at once. Active deliveries
      // finish; no new one starts meanwhile.
      if (publishing.backlog && !paused) {
        paused = true;
        await worker.pause(true);
      } else if (publishing.idle && paused) {
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
