import { sharePackEndpoint } from '@/lib/api/endpoints/library';
import { handle } from '@/lib/api/handle';
import { packResponse } from '@/lib/library/pack-response';
import { sharePack } from '@/lib/library/share-pack';

export const GET = handle(sharePackEndpoint, async ({ actor, params, query }) =>
  packResponse(
    await sharePack(actor, {
      organisation: query.organisation,
      messageIds: [params.id],
      filename: (slug) => `share-pack-${slug}-${params.id}.zip`,
    }),
  ),
);
