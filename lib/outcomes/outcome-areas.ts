// The outcome areas as they stand in the database: every force's area, then the region (see
// areas.ts for why these and not the partners' areas).
import type { Prisma } from '@/prisma/generated/client';
import { db } from '../db';
import { REGION } from './areas';

type Reader = Pick<Prisma.TransactionClient, 'organisation'>;

export async function outcomeAreas(reader: Reader = db): Promise<string[]> {
  const forces = await reader.organisation.findMany({
    where: { kind: 'force' },
    select: { area: true },
    distinct: ['area'],
    orderBy: { area: 'asc' },
  });
  return [...forces.map((force) => force.area).filter((area) => area !== REGION), REGION];
}
