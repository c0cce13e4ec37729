// Publishing comes first (as for polling, lib/reach/publishing-busy.ts): while the publish queue
// has posts running or waiting for a slot, this process's webhook worker takes no new delivery.
// On two shared cores every delivery made during a publishing burst takes CPU from it (measured:
// docs/BENCHMARKS.md, issue 9): a burst's deliveries wait the seconds it lasts, then go at once;
// at an ordinary rate the publish queue is idle almost always and deliveries go within ms.
// One queue count per interval per process, never one per delivery.
import type { Worker } from 'bullmq';
import type { Logger } from '../log';
import { publishingBusy } from '../reach/publishing-busy';

const CHECK_EVERY_MS = 100;

export function holdWhilePublishing(worker: Worker, log: Logger): void {
  let paused = false;
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const busy = await publishingBusy();
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
