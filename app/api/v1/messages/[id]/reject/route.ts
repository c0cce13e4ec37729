import { rejectMessageEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { rejectMessage } from '@/lib/messages/reject-message';

export const POST = handle(rejectMessageEndpoint, ({ actor, params, body }) =>
  rejectMessage(actor, params.id, body),
);
