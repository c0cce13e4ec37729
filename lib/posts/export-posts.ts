// Every post the filters find, as a CSV stream: a page at a time in the list's own order
// (listPosts, so the role's scope and every filter are exactly the list's), each page read only
// when the download asks for more (the stream's `pull`), so ten thousand posts never sit in
// memory at once and a slow reader slows the reading. The first page is read before the answer
// starts: a bad filter is still a 400, not a broken download.
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { Actor } from '../auth/permissions';
import { log } from '../log';
import { listPosts, PostListQuery } from './list-posts';
import { POSTS_CSV_COLUMNS, postCsvRow } from './posts-csv';

export const PostExportQuery = PostListQuery.omit({ limit: true, cursor: true });
export type PostExportQuery = z.infer<typeof PostExportQuery>;

const PAGE = 500;

export async function exportPostsCsv(
  actor: Actor,
  query: PostExportQuery,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let page = await listPosts(actor, { ...query, limit: PAGE });
  let header = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (done) {
          controller.close();
          return;
        }
        const rows = page.items.map(postCsvRow);
        controller.enqueue(
          encoder.encode(stringify(header ? [[...POSTS_CSV_COLUMNS], ...rows] : rows)),
        );
        header = false;
        if (page.nextCursor)
          page = await listPosts(actor, { ...query, limit: PAGE, cursor: page.nextCursor });
        else done = true;
      } catch (error) {
        log.error({ err: error }, 'the schedule export stopped part way');
        controller.error(error);
      }
    },
  });
}
