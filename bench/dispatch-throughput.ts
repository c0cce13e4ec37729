// `npx tsx bench/dispatch-throughput.ts [events=20000]`
// The notification dispatcher alone: that many post.failed / post.held events over every
// organisation (as a bad morning would raise them), dispatched from the outbox to notifications
// in batches of 500 — events per second, and the notifications they made (bursts counted up).
// Also what the outbox trigger costs an audit insert: the same inserts of an action it forwards
// against one it ignores.
import { benchEnvironment, machine, report } from './support';

const EVENTS = Number(process.argv[2] ?? 20_000);

const bench = await benchEnvironment('signpost_bench_dispatch');
try {
  const { db } = await import('@/lib/db');
  const { drainOutbox } = await import('@/lib/notifications/dispatch');
  const organisations = await db.organisation.findMany({ select: { id: true } });

  async function insertEvents(action: string, count: number): Promise<number> {
    const started = performance.now();
    for (let offset = 0; offset < count; offset += 1_000) {
      const size = Math.min(1_000, count - offset);
      await db.auditEvent.createMany({
        data: Array.from({ length: size }, (_, index) => {
          const n = offset + index;
          const held = n % 3 !== 0;
          return {
            actorLabel: 'system',
            action: action === 'mixed' ? (held ? 'post.held' : 'post.failed') : action,
            entityType: 'post',
            entityId: `bench-post-${action}-${n}`,
            organisationId: organisations[n % organisations.length]!.id,
            after: held
              ? { status: 'held', heldReason: `Paused for all of organisation ${n % 4}: bench` }
              : { status: 'failed', error: 'The platform refused it (bench).' },
          };
        }),
      });
    }
    return performance.now() - started;
  }

  // The trigger's cost: 20,000 inserts it ignores, then 20,000 it forwards (undispatched yet).
  const ignoredMs = await insertEvents('post.scheduled', EVENTS);
  const forwardedMs = await insertEvents('mixed', EVENTS);

  const started = performance.now();
  const dispatched = await drainOutbox();
  const seconds = (performance.now() - started) / 1000;
  const notifications = await db.notification.count();
  const people = await db.notification.groupBy({ by: ['userId'] });

  report('Notification dispatch', {
    machine: machine(),
    events: EVENTS,
    'audit inserts the trigger ignores': `${((ignoredMs * 1000) / EVENTS).toFixed(1)} µs each`,
    'audit inserts the trigger forwards to the outbox': `${((forwardedMs * 1000) / EVENTS).toFixed(1)} µs each`,
    'dispatch (outbox → notifications)': `${(dispatched.events / seconds).toFixed(0)} events/s (${seconds.toFixed(2)} s)`,
    'notifications made': `${notifications} for ${people.length} people (bursts counted up, not one per post)`,
  });
} finally {
  await bench.stop();
}
process.exit(0);
