import { exportPostsEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { exportPostsCsv } from '@/lib/posts/export-posts';
import { postsCsvFilename } from '@/lib/posts/posts-csv';

export const GET = handle(
  exportPostsEndpoint,
  async ({ actor, query }) =>
    new Response(await exportPostsCsv(actor, query), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${postsCsvFilename(new Date())}"`,
      },
    }),
);
