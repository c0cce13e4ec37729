import { approveMessageEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { approveMessage } from '@/lib/messages/approve-message';

export const POST = handle(approveMessageEndpoint, ({ actor, params }) =>
  approveMessage(actor, params.id),
);
