import { mediaEndpoint } from '@/lib/api/endpoints/media';
import { handle } from '@/lib/api/handle';
import { findMedia, mediaView } from '@/lib/media/find-media';

export const GET = handle(mediaEndpoint, async ({ params }) =>
  mediaView(await findMedia(params.id)),
);
