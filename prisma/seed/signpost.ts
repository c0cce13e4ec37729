// Signpost v1 (the Stop it Now! helpline and Get Help website), only if there is none yet: a
// re-seed must never replace a signpost a campaign lead has since changed.
import { DEFAULT_SIGNPOST } from '../../lib/signpost/default-signpost';
import type { PrismaClient } from '../generated/client';

export async function seedSignpost(db: PrismaClient): Promise<number> {
  const current = await db.signpostVersion.findFirst({
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  if (current) return current.version;
  await db.signpostVersion.create({
    data: {
      version: 1,
      helplineName: DEFAULT_SIGNPOST.helplineName,
      phone: DEFAULT_SIGNPOST.phone,
      url: DEFAULT_SIGNPOST.url,
      wording: DEFAULT_SIGNPOST.wording,
      note: 'The campaign’s first signpost',
    },
  });
  return 1;
}
