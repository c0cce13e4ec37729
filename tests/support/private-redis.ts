// A Redis server of a test's own, on a free port, with no persistence: a test may FLUSHALL it,
// as an operator or a failover would, without touching the shared Redis other test runs use.
import { Redis } from 'ioredis';
import { freePort, start } from './processes';

export interface PrivateRedis {
  url: string;
  /** A connection to it, for the test's own commands (FLUSHALL, counting keys). */
  client: Redis;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const server = await start(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { env: process.env, ready: /Ready to accept connections/, name: 'private redis-server' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      await server.stop('SIGKILL');
    },
  };
}
