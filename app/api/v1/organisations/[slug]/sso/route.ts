import {
  deleteSsoEndpoint,
  getSsoEndpoint,
  putSsoEndpoint,
} from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { auditActor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { getSso, putSso, removeSso } from '@/lib/sso/manage-sso';

export const GET = handle(getSsoEndpoint, async ({ actor, params }) => {
  const found = await getSso(actor, params.slug);
  if (!found) throw notFound('That organisation’s single sign-on');
  return found;
});

export const PUT = handle(putSsoEndpoint, ({ actor, params, body }) =>
  putSso(actor, auditActor(actor), params.slug, body),
);

export const DELETE = handle(deleteSsoEndpoint, async ({ actor, params }) => {
  await removeSso(actor, auditActor(actor), params.slug);
});
