import { previewMessageEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { previewMessage } from '@/lib/messages/preview-message';

export const GET = handle(previewMessageEndpoint, ({ actor, params, query }) =>
  previewMessage(actor, params.id, query.channelId),
);
