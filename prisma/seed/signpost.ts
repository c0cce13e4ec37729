// Signpost v1 (the Stop it Now! helpline and Get Help website), only if there is none yet: a
// re-seed must never replace a signpost a campaign lead has since changed.
import { DEFAULT_SIGNPOST } from '../../lib/signpost/default-signpost';
import { DEFAULT_WORDING_CY } from '../../lib/signpost/default-signpost-cy';
import type { PrismaClient } from '../generated/client';

export async function seedSignpost(db: PrismaClient): Promise<number> {
  const current = await db.signpostVersion.findFirst({ orderBy: { version: 'desc' } });
  if (current?.wordingCy != null) return current.version;
  if (current) {
    // A signpost from before Welsh (issue 13): a new version, the same with the Welsh beside it.
    await db.signpostVersion.create({
      data: {
        version: current.version + 1,
        helplineName: current.helplineName,
        phone: current.phone,
        url: current.url,
        wording: current.wording ?? {},
        wordingCy: DEFAULT_WORDING_CY,
        wordingCyReviewed: false,
        note: 'The signpost in Welsh beside the English (demo wording: needs review by a Welsh speaker)',
      },
    });
    return current.version + 1;
  }
  await db.signpostVersion.create({
    data: {
      version: 1,
      helplineName: DEFAULT_SIGNPOST.helplineName,
      phone: DEFAULT_SIGNPOST.phone,
      url: DEFAULT_SIGNPOST.url,
      wording: DEFAULT_SIGNPOST.wording,
      wordingCy: DEFAULT_WORDING_CY,
      wordingCyReviewed: false,
      note: 'The campaign’s first signpost',
    },
  });
  return 1;
}
