import { bulkPostsEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { bulkPosts } from '@/lib/posts/bulk-posts';

export const POST = handle(bulkPostsEndpoint, ({ actor, body }) =>
  bulkPosts(actor, auditActor(actor), body),
);
