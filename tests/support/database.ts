// Test data: every table emptied, then the seed again (the real organisations, signpost v1,
// demo users and channels), so each test file starts from what a new user sees.
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { seed } from '@/prisma/seed';
import { clearRedisPrefix } from './redis';

export async function resetDatabase(): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  // TRUNCATE does not fire the audit log's row trigger, which refuses UPDATE and DELETE only.
  await db.$executeRawUnsafe(
    `TRUNCATE ${tables.map(({ tablename }) => `"${tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
  );
  await seed();
  // Nor any failed sign-ins or API requests counted by the file before: the throttle would lock a
  // demo user out of the next file for 15 minutes, in whichever order the files happen to run.
  await clearRedisPrefix(env().REDIS_URL, `${env().QUEUE_PREFIX}:sign-in-failures`);
  await clearRedisPrefix(env().REDIS_URL, `${env().QUEUE_PREFIX}:api-rate-limit`);
}

export async function userId(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return user.id;
}

export async function organisationId(slug: string): Promise<string> {
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { slug },
    select: { id: true },
  });
  return organisation.id;
}
