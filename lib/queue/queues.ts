// The BullMQ queues, one instance per process, all under the configured key prefix.
import { Queue } from 'bullmq';
import { env } from '../env';
import { sharedRedis } from '../redis';
import { QUEUES, type QueueName } from './jobs';

const globalForQueues = globalThis as unknown as { signpostQueues?: Map<QueueName, Queue> };

export function queue(name: QueueName): Queue {
  globalForQueues.signpostQueues ??= new Map();
  let existing = globalForQueues.signpostQueues.get(name);
  if (!existing) {
    existing = new Queue(name, { connection: sharedRedis(), prefix: env().QUEUE_PREFIX });
    globalForQueues.signpostQueues.set(name, existing);
  }
  return existing;
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.signpostQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
