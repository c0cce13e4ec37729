import { mediaUploadEndpoint, readUploadedFile } from '@/lib/api/endpoints/media';
import { handleRaw } from '@/lib/api/handle-raw';
import { mediaView } from '@/lib/media/find-media';
import { assertMayUploadMedia, storeMedia } from '@/lib/media/store-media';

export const POST = handleRaw(mediaUploadEndpoint, async ({ actor, request }) => {
  // Before the body is read: a viewer's 15 MB is refused without being received.
  assertMayUploadMedia(actor);
  const { media } = await storeMedia(actor, await readUploadedFile(request));
  return Response.json(mediaView(media), { status: 201 });
});
