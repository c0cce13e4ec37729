// The Prisma client, over the `pg` driver adapter (no native query engine). One per process;
// kept on globalThis in development so Next's hot reload does not open a pool per edit.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/client';
import { env } from './env';

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 20 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { signpostPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.signpostPrisma ?? createClient();
if (env().NODE_ENV !== 'production') globalForPrisma.signpostPrisma = db;

export type Db = PrismaClient;
export type { Prisma } from '@/prisma/generated/client';
