import { commentOnMessageEndpoint, listCommentsEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { commentOnMessage } from '@/lib/messages/comment-on-message';
import { listComments } from '@/lib/messages/get-message';

export const POST = handle(commentOnMessageEndpoint, ({ actor, params, body }) =>
  commentOnMessage(actor, params.id, body),
);

export const GET = handle(listCommentsEndpoint, ({ actor, params, query }) =>
  listComments(actor, params.id, query),
);
