// An image's bytes: /media/<id>/original, /media/<id>/thumbnail or /media/<id>/<platform>.
// Public (platforms fetch these without credentials); the random id is the guard.
import { z } from 'zod';
import { handleRaw } from '@/lib/api/handle-raw';
import { notFound } from '@/lib/errors';
import { MediaId } from '@/lib/media/media-id';
import { MediaVariantName } from '@/lib/media/media-url';
import { findMediaFile, mediaFileResponse } from '@/lib/media/serve-media';

const Params = z.object({ id: MediaId, variant: MediaVariantName });

// Not rate-limited: a platform fetches every image of a fan-out at once, from a few addresses of
// its own; the API's per-address limit would refuse publishing's own images.
export const GET = handleRaw(
  { access: 'public', rateLimited: false },
  async ({ request, params }) => {
    // A malformed id or an unknown variant is a URL that names no image: 404, not 400.
    const parsed = Params.safeParse(params);
    if (!parsed.success) throw notFound('That image');
    const file = await findMediaFile(parsed.data.id, parsed.data.variant);
    return mediaFileResponse(file, request);
  },
);

export const HEAD = GET;
