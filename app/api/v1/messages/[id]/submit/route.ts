import { submitMessageEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { submitMessage } from '@/lib/messages/submit-message';

export const POST = handle(submitMessageEndpoint, ({ actor, params }) =>
  submitMessage(actor, params.id),
);
