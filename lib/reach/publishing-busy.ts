// Publishing comes first: while the publish queue has jobs running or waiting for a slot (posts
// due now), polling waits. Polls tolerate minutes; a post due now does not, and on a machine where
// the workers, PostgreSQL and Redis share cores, every poll made during a publishing burst takes
// CPU from it (measured: docs/BENCHMARKS.md, issue 7). Delayed jobs (posts due later) do not count.
import { QUEUES } from '../queue/jobs';
import { queue } from '../queue/queues';

export async function publishingBusy(): Promise<boolean> {
  const counts = await queue(QUEUES.publish).getJobCounts('active', 'wait', 'prioritized');
  return (counts.active ?? 0) + (counts.wait ?? 0) + (counts.prioritized ?? 0) > 0;
}
