// A share pack as an HTTP answer: streamed, never buffered, named for the organisation.
import type { SharePack } from './share-pack';

export function packResponse(pack: SharePack): Response {
  return new Response(pack.stream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${pack.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
