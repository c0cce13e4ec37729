import { importPostsEndpoint } from '@/lib/api/endpoints/posts';
import { readImportUpload } from '@/lib/api/read-import-upload';
import { handleRaw } from '@/lib/api/handle-raw';
import { auditActor } from '@/lib/auth/actor';
import { importPosts } from '@/lib/posts/import-posts';

export const POST = handleRaw(importPostsEndpoint, async ({ actor, request }) => {
  const { dryRun, bytes } = await readImportUpload(request);
  const answer = await importPosts(actor, auditActor(actor), bytes, { dryRun });
  return Response.json(answer, { status: dryRun ? 200 : 201 });
});
