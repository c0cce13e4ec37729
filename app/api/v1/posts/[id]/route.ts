import {
  cancelPostEndpoint,
  getPostEndpoint,
  reschedulePostEndpoint,
} from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { cancelPost } from '@/lib/posts/cancel-post';
import { getPost } from '@/lib/posts/get-post';
import { reschedulePost } from '@/lib/posts/reschedule-post';

export const GET = handle(getPostEndpoint, ({ actor, params }) => getPost(actor, params.id));
export const PATCH = handle(reschedulePostEndpoint, ({ actor, params, body }) =>
  reschedulePost(actor, auditActor(actor), params.id, body),
);
export const DELETE = handle(cancelPostEndpoint, ({ actor, params }) =>
  cancelPost(actor, auditActor(actor), params.id),
);
