import { getMessageEndpoint, updateMessageEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { getMessage } from '@/lib/messages/get-message';
import { updateMessage } from '@/lib/messages/update-message';

export const GET = handle(getMessageEndpoint, ({ actor, params }) => getMessage(actor, params.id));

export const PATCH = handle(updateMessageEndpoint, ({ actor, params, body }) =>
  updateMessage(actor, params.id, body),
);
