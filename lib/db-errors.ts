// Recognising the database's answers that are expected in normal use, so callers can turn them
// into a plain-words 409 instead of a 500.
import { Prisma } from '@/prisma/generated/client';

/** True when a write broke a unique constraint: two people took the same slug or version at once. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
