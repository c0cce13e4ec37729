import { releasePostEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { releasePost } from '@/lib/posts/release-post';

export const POST = handle(releasePostEndpoint, ({ actor, params }) =>
  releasePost(actor, auditActor(actor), params.id),
);
