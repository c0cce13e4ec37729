import { retryPostEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { retryPost } from '@/lib/posts/retry-post';

export const POST = handle(retryPostEndpoint, ({ actor, params }) =>
  retryPost(actor, auditActor(actor), params.id),
);
