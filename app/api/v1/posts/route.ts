import { listPostsEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { listPosts } from '@/lib/posts/list-posts';

export const GET = handle(listPostsEndpoint, ({ actor, query }) => listPosts(actor, query));
